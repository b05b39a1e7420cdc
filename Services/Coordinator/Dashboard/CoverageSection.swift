import EntasService
import EntasAPI
import EntasDomain

/// Coverage per cluster: the share of each child region's households an active enrolment of each cluster
/// (and of any) covers, as a heat table.
struct CoverageSection: Sendable {
    var overview: Overview

    static var columns: [HeatTable.Column] {
        Cluster.allCases.map { HeatTable.Column(short: $0.shortName, full: "\($0.indonesianName) (\($0.agency))") }
            + [HeatTable.Column(short: Message("dashboard.coverage.any").rendered(), full: Message("dashboard.coverage.anyTitle").rendered())]
    }

    func render() -> HTML {
        let rows = overview.depth == 0 ? [overview.region] : overview.regions
        let level = overview.depth == 0 ? overview.region.level : overview.region.level.child ?? .desa
        let table = HeatTable(
            id: "coverage-table", caption: Message("dashboard.coverage.caption").rendered(),
            rowHeading: level.columnHeading, columns: Self.columns,
            rows: rows.map { row($0, linked: overview.depth > 0) },
            totalRow: overview.depth == 0 ? nil : row(overview.region, linked: false, label: Message("dashboard.common.total").rendered()))
        return """
            <section id="coverage" aria-labelledby="coverage-heading">
            <h2 id="coverage-heading">\(Message("dashboard.coverage.heading"))</h2>
            \(table.render())
            </section>
            """
    }

    private func row(_ summary: RegionSummary, linked: Bool, label: String? = nil) -> HeatTable.Row {
        let totals = summary.totals
        return HeatTable.Row(
            label: label ?? summary.name, href: linked ? DashboardLayout.href(summary.code) : nil, total: totals.households,
            counts: Cluster.allCases.map { totals.covered(by: $0) } + [totals.coveredAny])
    }
}

extension Cluster {
    /// The name the dashboard's narrow columns use: Bansos, Pemberdayaan, UMKM, Program Murah.
    var shortName: String {
        switch self {
        case .socialAid: "Bansos"
        case .communityEmpowerment: "Pemberdayaan"
        case .enterprise: "UMKM"
        case .lowCost: "Program Murah"
        }
    }
}
