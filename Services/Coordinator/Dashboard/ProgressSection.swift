import EntasService
import EntasAPI
import EntasDomain

/// Progress: households still very poor (SM) at the end of each month against the SM baseline, with the
/// graduated, as a line chart and the table behind it.
struct ProgressSection: Sendable {
    var report: ProgressReport?
    var baselineSangatMiskin: Int

    func render() -> HTML {
        guard let report, !report.months.isEmpty else {
            return """
                <section id="progress" aria-labelledby="progress-heading">
                <h2 id="progress-heading">\(Message("dashboard.progress.heading"))</h2>
                <p class="muted">\(Message("dashboard.progress.empty"))</p>
                </section>
                """
        }
        let months = report.months
        let chart = LineChart(
            title: Message("dashboard.progress.chartTitle", .month(report.from), .month(report.to)).rendered(),
            xLabels: months.map { DashboardFormat.month($0.month) },
            lines: [
                LineChart.Line(
                    name: Message("dashboard.progress.smBaseline").rendered(), strokeClass: "k-base", swatchClass: "f-base", dashed: true,
                    values: months.map { _ in baselineSangatMiskin }),
                LineChart.Line(name: Message("dashboard.progress.smRemaining").rendered(), strokeClass: "k-sm", swatchClass: "f-sm", values: months.map(\.sangatMiskin)),
                LineChart.Line(name: Message("dashboard.progress.graduated").rendered(), strokeClass: "k-grad", swatchClass: "f-grad", values: months.map(\.graduated)),
            ],
            tableID: "progress-table")
        let rows = months.map { month -> HTML in
            """
            <tr><th scope="row"><time datetime="\(month.month)">\(DashboardFormat.month(month.month))</time></th>\
            <td>\(DashboardFormat.count(month.sangatMiskin))</td><td>\(DashboardFormat.count(baselineSangatMiskin))</td>\
            <td>\(DashboardFormat.count(month.miskin))</td><td>\(DashboardFormat.count(month.hampirMiskin))</td>\
            <td>\(DashboardFormat.count(month.graduated))</td></tr>
            """
        }
        return """
            <section id="progress" aria-labelledby="progress-heading">
            <h2 id="progress-heading">\(Message("dashboard.progress.heading"))</h2>
            \(chart.render())
            <details><summary>\(Message("dashboard.progress.asTable"))</summary>
            <div class="scroll"><table id="progress-table">
            <caption>\(Message("dashboard.progress.caption"))</caption>
            <thead><tr><th scope="col">\(Message("dashboard.progress.month"))</th><th scope="col">\(Message("dashboard.progress.smRemaining"))</th><th scope="col">\(Message("dashboard.progress.smBaseline"))</th>\
            <th scope="col">M</th><th scope="col">HM</th><th scope="col">\(Message("dashboard.progress.graduated"))</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            </details>
            </section>
            """
    }
}
