import EntasDomain
import EntasAPI

/// `entas target` as a table or CSV: each region's targets for a year.
enum TargetOutput {
    static func table(_ targets: [TargetView], maximumWidth: Int = 80) -> String {
        guard !targets.isEmpty else { return Message("cli.targets.none").rendered() }
        let table = Table(
            columns: [
                .left(Message("cli.targets.column.year")), .left(Message("cli.audit.column.region")),
                .flexible(Message("cli.overview.column.name"), minimumWidth: 10), .right(Message("cli.targets.column.smLeft")),
                .right(Message("cli.targets.column.coverage")), .left(Message("cli.targets.column.setBy")),
            ],
            rows: targets.map {
                [
                    String($0.year), $0.regionCode.dotted, RegionNames.short($0.regionName), $0.smRemaining.map { NumberFormat.grouped($0) } ?? "-",
                    $0.socialAidCoverage.map { "\($0)%" } ?? "-", $0.setBy,
                ]
            })
        let legend = Message("cli.targets.legend").rendered()
        return (TableRenderer.render(table, maximumWidth: maximumWidth) + [""] + TextWidth.wrap(legend, width: maximumWidth)).joined(separator: "\n")
    }

    static func csv(_ targets: [TargetView]) -> String {
        CSVRenderer.render(
            header: ["year", "regionCode", "regionName", "smRemaining", "socialAidCoverage", "setBy", "setAt"],
            rows: targets.map {
                [
                    String($0.year), $0.regionCode.dotted, $0.regionName, $0.smRemaining.map { String($0) } ?? "",
                    $0.socialAidCoverage.map { String($0) } ?? "", $0.setBy, TimeFormat.machine($0.setAt),
                ]
            })
    }
}
