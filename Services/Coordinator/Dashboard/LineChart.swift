import EntasDomain
import EntasService
import EntasAPI

/// A line chart of monthly counts as inline SVG: one polyline per line, a y axis from 0 with round ticks,
/// and at most seven month labels. The page puts a table with the same numbers behind it.
struct LineChart: Sendable {
    struct Line: Sendable {
        var name: String
        /// The stroke class, e.g. `k-sm`.
        var strokeClass: String
        /// The legend swatch's fill class.
        var swatchClass: String
        var dashed = false
        /// One value per x label.
        var values: [Int]
    }

    var title: String
    /// One per point, e.g. `Mar 2027`.
    var xLabels: [String]
    var lines: [Line]
    var tableID: String

    private static let width = 560.0
    private static let height = 280.0
    private static let left = 64.0
    private static let right = 16.0
    private static let top = 14.0
    private static let bottom = 34.0

    func render() -> HTML {
        guard !xLabels.isEmpty else { return "<p class=\"muted\">\(Message("dashboard.chart.noMonths"))</p>" }
        let ceiling = Self.niceCeiling(lines.flatMap(\.values).max() ?? 0)
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let step = xLabels.count > 1 ? plotWidth / Double(xLabels.count - 1) : 0
        func x(_ index: Int) -> Double { Self.left + (xLabels.count > 1 ? Double(index) * step : plotWidth / 2) }
        func y(_ value: Int) -> Double { Self.top + plotHeight - Double(value) / Double(ceiling) * plotHeight }

        var grid: [HTML] = []
        for tick in 0...4 {
            let value = ceiling / 4 * tick
            let position = y(value)
            grid.append(
                """
                <line class="grid" x1="\(Self.left)" y1="\(position)" x2="\(Self.width - Self.right)" y2="\(position)"></line>\
                <text x="\(Self.left - 6)" y="\(position + 4)" text-anchor="end">\(DashboardFormat.count(value))</text>
                """)
        }
        let labelEvery = max(1, Int((Double(xLabels.count) / 7).rounded(.up)))
        for (index, label) in xLabels.enumerated() where index % labelEvery == 0 {
            grid.append("<text x=\"\(x(index))\" y=\"\(Self.height - 10)\" text-anchor=\"middle\">\(label)</text>")
        }
        let paths = lines.map { line -> HTML in
            let points = line.values.prefix(xLabels.count).enumerated().map { "\(HTML.coordinate(x($0.offset))),\(HTML.coordinate(y($0.element)))" }
            return "<polyline class=\"line \(line.strokeClass)\" points=\"\(points.joined(separator: " "))\"></polyline>"
        }
        let legend = lines.map { line -> HTML in
            "<li><span class=\"swatch \(line.swatchClass)\(line.dashed ? " dashed" : "")\"></span>\(line.name)</li>"
        }
        return """
            <figure class="chart">
            <ul class="legend">\(legend)</ul>
            <svg class="line-chart" viewBox="0 0 560 280" role="img" aria-label="\(title)" aria-describedby="\(tableID)">\
            <title>\(title)</title>\(grid)\
            <line class="axis" x1="\(Self.left)" y1="\(Self.top + plotHeight)" x2="\(Self.width - Self.right)" y2="\(Self.top + plotHeight)"></line>\
            \(paths)</svg>
            </figure>
            """
    }

    /// The smallest round number (1, 2, 4, 5 or 8 × 10ⁿ) at or above `value` that four ticks divide evenly.
    static func niceCeiling(_ value: Int) -> Int {
        guard value > 4 else { return 4 }
        var magnitude = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        for factor in [1, 2, 4, 5, 8, 10, 20] where factor * magnitude >= value && (factor * magnitude) % 4 == 0 {
            return factor * magnitude
        }
        return magnitude * 20
    }
}
