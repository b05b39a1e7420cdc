import EntasService
import EntasAPI
import EntasDomain

/// Households by consensus status (SM, M, HM) per child region, as a bar chart and the table behind it,
/// each region linking to its own page. A desa, which has no children, shows itself.
struct StatusSection: Sendable {
    var overview: Overview

    static let series = [
        BarChart.Series(name: PovertyStatus.sangatMiskin.labelWithAbbreviation, fillClass: "f-sm"),
        BarChart.Series(name: PovertyStatus.miskin.labelWithAbbreviation, fillClass: "f-m"),
        BarChart.Series(name: PovertyStatus.hampirMiskin.labelWithAbbreviation, fillClass: "f-hm"),
    ]

    /// The rows: the children, or the region itself at desa level.
    var rows: [RegionSummary] { overview.depth == 0 ? [overview.region] : overview.regions }

    var rowLevel: RegionLevel { overview.depth == 0 ? overview.region.level : overview.region.level.child ?? .desa }

    func render() -> HTML {
        let heading = Message("dashboard.status.heading", .text(rowLevel.columnHeading.lowercased())).rendered()
        let chart = BarChart(
            title: heading, series: Self.series,
            rows: rows.map { summary in
                BarChart.Row(
                    label: summary.name, href: overview.depth == 0 ? nil : DashboardLayout.href(summary.code),
                    values: [summary.totals.sangatMiskin, summary.totals.miskin, summary.totals.hampirMiskin])
            },
            tableID: "status-table", totalHeading: "SM + M + HM")
        return """
            <section id="status" aria-labelledby="status-heading">
            <h2 id="status-heading">\(heading)</h2>
            \(chart.render())
            \(table)
            </section>
            """
    }

    private var table: HTML {
        let body = rows.map { row($0, linked: overview.depth > 0) }
        let footer: HTML = overview.depth == 0 ? .empty : "<tfoot>\(row(overview.region, linked: false, label: Message("dashboard.common.total").rendered()))</tfoot>"
        return """
            <div class="scroll"><table id="status-table">
            <caption>\(Message("dashboard.status.caption"))</caption>
            <thead><tr><th scope="col">\(rowLevel.columnHeading)</th><th scope="col">\(Message("dashboard.common.households"))</th>\
            <th scope="col"><abbr title="\(Message("dashboard.status.jiwaTitle"))">\(Message("dashboard.status.jiwa"))</abbr></th>\
            <th scope="col"><abbr title="Sangat Miskin">SM</abbr></th><th scope="col"><abbr title="Miskin">M</abbr></th>\
            <th scope="col"><abbr title="Hampir Miskin">HM</abbr></th><th scope="col">\(Message("dashboard.common.graduated"))</th>\
            <th scope="col">\(Message("dashboard.status.notPoor"))</th><th scope="col">\(Message("dashboard.status.baselineSM"))</th><th scope="col">\(Message("dashboard.status.baselineM"))</th>\
            <th scope="col">\(Message("dashboard.status.baselineHM"))</th><th scope="col">\(Message("dashboard.common.gaps"))</th><th scope="col">\(Message("dashboard.common.conflicts"))</th>\
            <th scope="col">\(Message("dashboard.status.openCases"))</th><th scope="col">\(Message("dashboard.status.verified"))</th></tr></thead>
            <tbody>\(body)</tbody>
            \(footer)
            </table></div>
            """
    }

    private func row(_ summary: RegionSummary, linked: Bool, label: String? = nil) -> HTML {
        let totals = summary.totals
        let name: HTML =
            if linked { "<a href=\"\(DashboardLayout.href(summary.code))\">\(summary.name)</a>" } else { "\(label ?? summary.name)" }
        let values = [
            totals.households, totals.people, totals.sangatMiskin, totals.miskin, totals.hampirMiskin, totals.graduated,
            totals.tidakMiskin, totals.baselineSangatMiskin, totals.baselineMiskin, totals.baselineHampirMiskin,
            totals.gaps, totals.conflicts, totals.casesOpen, totals.casesVerified,
        ]
        let cells = values.map { value -> HTML in "<td>\(DashboardFormat.count(value))</td>" }
        return "<tr data-region=\"\(summary.code.dotted)\"><th scope=\"row\">\(name)</th>\(cells)</tr>"
    }
}

extension PovertyStatus {
    /// `Sangat Miskin (SM)`: the programme's own words, the same in every language.
    var labelWithAbbreviation: String { "\(label) (\(abbreviation))" }
}
