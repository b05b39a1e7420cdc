import EntasDomain
import EntasService
import EntasAPI

/// A table whose cells are shaded by share: here, the share of each region's households an active
/// enrolment of each cluster covers. It is its own accessible form: every cell states the share and the
/// count, and the shade only repeats them.
struct HeatTable: Sendable {
    struct Column: Sendable {
        /// A short heading, e.g. `Bansos`.
        var short: String
        /// The full name, e.g. `Bantuan Sosial (Dinas Sosial)`.
        var full: String
    }

    struct Row: Sendable {
        var label: String
        var href: String?
        /// The denominator of every share in the row (its households).
        var total: Int
        /// One count per column.
        var counts: [Int]
    }

    var id: String
    var caption: String
    var rowHeading: String
    var columns: [Column]
    var rows: [Row]
    /// A last row for the whole region, in the footer.
    var totalRow: Row?

    func render() -> HTML {
        let headings = columns.map { column -> HTML in
            "<th scope=\"col\"><abbr title=\"\(column.full)\">\(column.short)</abbr></th>"
        }
        return """
            <div class="scroll"><table id="\(id)">
            <caption>\(caption)</caption>
            <thead><tr><th scope="col">\(rowHeading)</th><th scope="col">\(Message("dashboard.common.households"))</th>\(headings)</tr></thead>
            <tbody>\(rows.map(render))</tbody>
            \(totalRow.map { "<tfoot>\(render($0))</tfoot>" as HTML } ?? .empty)
            </table></div>
            """
    }

    private func render(_ row: Row) -> HTML {
        let label: HTML = if let href = row.href { "<a href=\"\(href)\">\(row.label)</a>" } else { "\(row.label)" }
        let cells = row.counts.map { count -> HTML in
            """
            <td class="heat h\(Self.bucket(count, of: row.total))">\(DashboardFormat.percent(count, of: row.total))\
            <span class="n">\(DashboardFormat.count(count))</span></td>
            """
        }
        return "<tr><th scope=\"row\">\(label)</th><td>\(DashboardFormat.count(row.total))</td>\(cells)</tr>"
    }

    /// 0 for no coverage up to 9 for 90% and more.
    static func bucket(_ count: Int, of total: Int) -> Int {
        min(9, Int(DashboardFormat.share(count, of: total) * 10))
    }
}
