import EntasDomain
import EntasAPI

/// `entas target` as a table or CSV: each region's targets for a year.
enum TargetOutput {
    static func table(_ targets: [TargetView], maximumWidth: Int = 80) -> String {
        guard !targets.isEmpty else { return "No targets set. Bappeda sets them with `entas target set` (admin token)." }
        let table = Table(
            columns: [.left("Year"), .left("Region"), .flexible("Name", minimumWidth: 10), .right("SM left"), .right("SA cover"), .left("Set by")],
            rows: targets.map {
                [
                    String($0.year), $0.regionCode.dotted, RegionNames.short($0.regionName), $0.smRemaining.map { NumberFormat.grouped($0) } ?? "-",
                    $0.socialAidCoverage.map { "\($0)%" } ?? "-", $0.setBy,
                ]
            })
        let legend = "SM left: Sangat Miskin households that may remain at the end of the year; SA cover: least share of SM and M households with social aid."
        return (TableRenderer.render(table, maximumWidth: maximumWidth) + [""] + TextWidth.wrap(legend, width: maximumWidth)).joined(separator: "\n")
    }

    static func csv(_ targets: [TargetView]) -> String {
        CSVRenderer.render(
            header: ["year", "regionCode", "regionName", "smRemaining", "socialAidCoverage", "setBy", "setAt"],
            rows: targets.map {
                [
                    String($0.year), $0.regionCode.dotted, $0.regionName, $0.smRemaining.map { String($0) } ?? "",
                    $0.socialAidCoverage.map { String($0) } ?? "", $0.setBy, TimeFormat.wib($0.setAt),
                ]
            })
    }
}
