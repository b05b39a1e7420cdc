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
                <h2 id="progress-heading">Progress: SM remaining against baseline</h2>
                <p class="muted">No household has reached the coordinator yet.</p>
                </section>
                """
        }
        let months = report.months
        let chart = LineChart(
            title: "Very poor (SM) households per month against the SM baseline, \(report.from) to \(report.to)",
            xLabels: months.map { DashboardFormat.month($0.month) },
            lines: [
                LineChart.Line(
                    name: "SM at baseline", strokeClass: "k-base", swatchClass: "f-base", dashed: true,
                    values: months.map { _ in baselineSangatMiskin }),
                LineChart.Line(name: "SM remaining", strokeClass: "k-sm", swatchClass: "f-sm", values: months.map(\.sangatMiskin)),
                LineChart.Line(name: "Graduated", strokeClass: "k-grad", swatchClass: "f-grad", values: months.map(\.graduated)),
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
            <h2 id="progress-heading">Progress: SM remaining against baseline</h2>
            \(chart.render())
            <details><summary>Progress as a table</summary>
            <div class="scroll"><table id="progress-table">
            <caption>Households at the end of each month</caption>
            <thead><tr><th scope="col">Month</th><th scope="col">SM remaining</th><th scope="col">SM at baseline</th>\
            <th scope="col">M</th><th scope="col">HM</th><th scope="col">Graduated</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            </details>
            </section>
            """
    }
}
