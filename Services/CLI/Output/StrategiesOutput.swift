import EntasDomain
import EntasAPI

/// `entas strategies` as a table or CSV: enrolments and deliveries per cluster and strategy,
/// with a total row.
enum StrategiesOutput {
    static func table(_ report: StrategyReport, maximumWidth: Int = 80) -> String {
        let title = Message("cli.strategies.title", .text("\(report.regionName) (\(report.regionCode.dotted))")).rendered()
        guard !report.rows.isEmpty else { return title + "\n\n" + Message("cli.strategies.none").rendered() }
        let columns: [TableColumn] = [
            .left(Message("cli.column.cluster")), .flexible(Message("cli.column.strategy"), minimumWidth: 12),
            .right(Message("cli.strategies.column.active")), .right(Message("cli.overview.column.people")),
            .right(Message("cli.strategies.column.started")), .right(Message("cli.plan.column.deliveries")), .right("Rupiah"),
        ]
        let rows = report.rows.map {
            [
                $0.cluster.serviceName, $0.strategy.rawValue, NumberFormat.grouped($0.activeEnrolments), NumberFormat.grouped($0.activePeople),
                NumberFormat.grouped($0.enrolmentsStarted), NumberFormat.grouped($0.deliveries), NumberFormat.grouped($0.deliveredRupiah),
            ]
        }
        let total = [
            Message("cli.table.total").rendered(), "",
            NumberFormat.grouped(report.rows.reduce(0) { $0 + $1.activeEnrolments }),
            NumberFormat.grouped(report.rows.reduce(0) { $0 + $1.activePeople }),
            NumberFormat.grouped(report.rows.reduce(0) { $0 + $1.enrolmentsStarted }),
            NumberFormat.grouped(report.rows.reduce(0) { $0 + $1.deliveries }),
            NumberFormat.grouped(report.rows.reduce(Int64(0)) { $0 + $1.deliveredRupiah }),
        ]
        let lines = TableRenderer.render(Table(columns: columns, rows: rows, footer: [total]), maximumWidth: maximumWidth)
        return ([TextWidth.truncate(title, to: maximumWidth), ""] + lines).joined(separator: "\n")
    }

    static func csv(_ report: StrategyReport) -> String {
        CSVRenderer.render(
            header: ["regionCode", "cluster", "strategy", "activeEnrolments", "enrolmentsStarted", "deliveries", "deliveredRupiah", "activePeople"],
            rows: report.rows.map {
                [
                    report.regionCode.dotted, $0.cluster.rawValue, $0.strategy.rawValue, String($0.activeEnrolments),
                    String($0.enrolmentsStarted), String($0.deliveries), String($0.deliveredRupiah), String($0.activePeople),
                ]
            })
    }
}
