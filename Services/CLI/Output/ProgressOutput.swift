import EntasDomain
import EntasAPI

/// `entas progress` as a table or CSV: SM, M, HM, not poor and graduated households at the
/// end of each month, under the region's baseline and current counts.
enum ProgressOutput {
    static func table(_ report: ProgressReport, maximumWidth: Int = 80) -> String {
        let region = report.region
        let totals = region.totals
        let header = [
            "\(region.name) (\(region.level.indonesianName) \(region.code.dotted)), \(report.from) to \(report.to)",
            "Sangat miskin at baseline \(NumberFormat.grouped(totals.baselineSangatMiskin)), now "
                + "\(NumberFormat.grouped(totals.sangatMiskin)); graduated \(NumberFormat.grouped(totals.graduated)) "
                + "of \(NumberFormat.grouped(totals.households)) households",
        ].map { TextWidth.truncate($0, to: maximumWidth) }
        let table = Table(
            columns: [.left("Month"), .right("SM"), .right("M"), .right("HM"), .right("Not poor"), .right("Graduated")],
            rows: report.months.map {
                ["\($0.month)"] + [$0.sangatMiskin, $0.miskin, $0.hampirMiskin, $0.tidakMiskin, $0.graduated].map { NumberFormat.grouped($0) }
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
