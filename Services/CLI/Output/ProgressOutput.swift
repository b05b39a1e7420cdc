import EntasDomain
import EntasAPI

/// `entas progress` as a table or CSV: SM, M, HM, not poor and graduated households at the
/// end of each month, under the region's baseline and current counts.
enum ProgressOutput {
    static func table(_ report: ProgressReport, maximumWidth: Int = 80) -> String {
        let region = report.region
        let totals = region.totals
        let name = "\(region.name) (\(region.level.indonesianName) \(region.code.dotted))"
        let header = [
            Message("cli.progress.title", .text(name), .text(TimeFormat.month(report.from)), .text(TimeFormat.month(report.to))).rendered(),
            Message(
                "cli.progress.totals", .count(totals.baselineSangatMiskin), .count(totals.sangatMiskin), .count(totals.graduated), .count(totals.households)
            ).rendered(),
        ].map { TextWidth.truncate($0, to: maximumWidth) }
        let table = Table(
            columns: [
                .left(Message("cli.column.month")), .right("SM"), .right("M"), .right("HM"), .right(Message("cli.progress.column.notPoor")),
                .right(Message("cli.progress.column.graduated")),
            ],
            rows: report.months.map {
                [TimeFormat.month($0.month)] + [$0.sangatMiskin, $0.miskin, $0.hampirMiskin, $0.tidakMiskin, $0.graduated].map { NumberFormat.grouped($0) }
            })
        return (header + [""] + TableRenderer.render(table, maximumWidth: maximumWidth)).joined(separator: "\n")
    }

    static func csv(_ report: ProgressReport) -> String {
        CSVRenderer.render(
            header: ["regionCode", "month", "sangatMiskin", "miskin", "hampirMiskin", "tidakMiskin", "graduated"],
            rows: report.months.map {
                [report.region.code.dotted, "\($0.month)"]
                    + [$0.sangatMiskin, $0.miskin, $0.hampirMiskin, $0.tidakMiskin, $0.graduated].map { String($0) }
            })
    }
}
