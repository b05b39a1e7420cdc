import EntasService
import EntasAPI
import EntasDomain

/// The strategy breakdown: enrolments and deliveries per strategy and cluster in the region.
struct StrategySection: Sendable {
    var report: StrategyReport

    func render() -> HTML {
        guard !report.rows.isEmpty else {
            return """
                <section id="strategies" aria-labelledby="strategies-heading">
                <h2 id="strategies-heading">\(Message("dashboard.strategies.heading"))</h2>
                <p class="muted">\(Message("dashboard.strategies.empty"))</p>
                </section>
                """
        }
        let rows = report.rows.map { row -> HTML in
            """
            <tr><th scope="row">\(row.strategy.indonesianName)</th><td>\(row.cluster.indonesianName)</td>\
            <td>\(DashboardFormat.count(row.activeEnrolments))</td><td>\(DashboardFormat.count(row.activePeople))</td>\
            <td>\(DashboardFormat.count(row.enrolmentsStarted))</td>\
            <td>\(DashboardFormat.count(row.deliveries))</td><td>\(DashboardFormat.rupiah(row.deliveredRupiah))</td></tr>
            """
        }
        let people = report.rows.reduce(0) { $0 + $1.activePeople }
        let total = report.rows.reduce(into: (0, 0, 0, Int64(0))) {
            $0.0 += $1.activeEnrolments
            $0.1 += $1.enrolmentsStarted
            $0.2 += $1.deliveries
            $0.3 += $1.deliveredRupiah
        }
        return """
            <section id="strategies" aria-labelledby="strategies-heading">
            <h2 id="strategies-heading">\(Message("dashboard.strategies.heading"))</h2>
            <div class="scroll"><table id="strategy-table">
            <caption>\(Message("dashboard.strategies.caption"))</caption>
            <thead><tr><th scope="col">\(Message("dashboard.strategies.strategy"))</th><th scope="col">\(Message("dashboard.strategies.cluster"))</th><th scope="col">\(Message("dashboard.strategies.active"))</th>\
            <th scope="col">\(Message("dashboard.strategies.people"))</th><th scope="col">\(Message("dashboard.strategies.started"))</th><th scope="col">\(Message("dashboard.strategies.deliveries"))</th><th scope="col">\(Message("dashboard.strategies.cash"))</th></tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr><th scope="row">\(Message("dashboard.common.total"))</th><td></td><td>\(DashboardFormat.count(total.0))</td><td>\(DashboardFormat.count(people))</td>\
            <td>\(DashboardFormat.count(total.1))</td><td>\(DashboardFormat.count(total.2))</td>\
            <td>\(DashboardFormat.rupiah(total.3))</td></tr></tfoot>
            </table></div>
            </section>
            """
    }
}
