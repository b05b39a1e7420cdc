import EntasDomain
import EntasService
import EntasAPI

/// A horizontal stacked bar chart, one row per region: the label (a link down), one SVG bar whose segments
/// are the series, and the row's total. Bars share one scale, so rows compare. Each row is its own small
/// SVG stretched to the row's width, so labels stay HTML text that wraps on a phone; the page puts a table
/// with the same numbers beside it.
struct BarChart: Sendable {
    struct Series: Sendable {
        /// The legend's name, e.g. `Sangat Miskin (SM)`.
        var name: String
        /// The fill class, e.g. `f-sm`.
        var fillClass: String
    }

    struct Row: Sendable {
        var label: String
        /// Where the label links to; nil for none.
        var href: String?
        /// One value per series.
        var values: [Int]
    }

    /// What the chart shows, for its accessible name.
    var title: String
    var series: [Series]
    var rows: [Row]
    /// The table with the same numbers, for `aria-describedby`.
    var tableID: String
    /// What the number at the end of a row counts, e.g. `SM + M + HM`.
    var totalHeading: String

    /// The SVG's coordinate width; the bar is stretched to the row.
    private static let width = 1000.0

    func render() -> HTML {
        let largest = rows.map { $0.values.reduce(0, +) }.max() ?? 0
        guard largest > 0 else { return "<p class=\"muted\">\(Message("dashboard.chart.noHouseholds"))</p>" }
        let legend = series.map { series -> HTML in
            "<li><span class=\"swatch \(series.fillClass)\"></span>\(series.name)</li>"
        }
        let bars = rows.map { row(for: $0, scale: Self.width / Double(largest)) }
        return """
            <figure class="bars" aria-label="\(title)" aria-describedby="\(tableID)">
            <ul class="legend">\(legend)</ul>
            <div class="bar-row bar-head" aria-hidden="true"><span></span><span></span><span class="bar-total">\(totalHeading)</span></div>
            \(bars)
            </figure>
            """
    }

    private func row(for row: Row, scale: Double) -> HTML {
        var x = 0.0
        var segments: [HTML] = []
        var parts: [String] = []
        for (series, value) in zip(series, row.values) where value > 0 {
            let width = Double(value) * scale
            segments.append("<rect class=\"\(series.fillClass)\" x=\"\(x)\" y=\"0\" width=\"\(width)\" height=\"20\"></rect>")
            parts.append("\(DashboardFormat.count(value)) \(series.name)")
            x += width
        }
        let total = row.values.reduce(0, +)
        let label: HTML =
            if let href = row.href { "<a class=\"bar-label\" href=\"\(href)\">\(row.label)</a>" } else {
                "<span class=\"bar-label\">\(row.label)</span>"
            }
        let description = "\(row.label): \(parts.joined(separator: ", "))"
        return """
            <div class="bar-row">\(label)<svg viewBox="0 0 1000 20" preserveAspectRatio="none" role="img" \
            aria-label="\(description)"><title>\(description)</title>\
            <rect class="bar-track" x="0" y="0" width="1000" height="20"></rect>\(segments)</svg>\
            <span class="bar-total">\(DashboardFormat.count(total))</span></div>
            """
    }
}
