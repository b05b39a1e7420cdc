import EntasAPI
import ArgumentParser
import EntasDomain
import Foundation

/// `entas overview`: a region's households by consensus status, coverage per cluster, gaps
/// and conflicts, one row per child region and a total row.
struct OverviewCommand: CoordinatorReadCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Households by status, coverage per cluster, gaps and conflicts, per child region, with a total.",
        discussion:
            "The province by default, by kabupaten/kota. --region 35.09 lists Jember's kecamatan; --region "
                + "35.09.31 lists Sumberjambe's desa. The table fits 80 columns (long names are cut); --wide adds "
                + "the baseline (PPLS 2008) columns and full names.")

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: "The region: 35 (province), 35.09 (kabupaten/kota), 35.09.31 (kecamatan). By default your token's region (35, the province, for a province-wide token).")
    var region: RegionArgument?

    @Option(help: "How many levels below the region the rows are: 1 (children) to 3.")
    var depth: Int = 1

    @Flag(help: "Add baseline SM/M/HM columns and print names in full (wider than 80 columns).")
    var wide = false

    @Flag(help: "List child regions without households too, with zeros.")
    var includeEmpty = false

    func validateArguments() throws {
        let code = try region.codeOrProvince()
        let deepest = RegionLevel.desa.rawValue - code.level.rawValue
        guard deepest > 0 else {
            throw ValidationError(Message("cli.validation.overviewDesa", .text(code.dotted), .text(code.parent?.dotted ?? "35")))
        }
        guard (1...deepest).contains(depth) else {
            throw ValidationError(Message("cli.validation.depth", .text(String(deepest)), .text(code.level.indonesianName), .text(String(depth))))
        }
    }

    func output(using client: APIClient) async throws -> String {
        let query = [
            try region.queryItem(), URLQueryItem(name: "depth", value: String(depth)),
            URLQueryItem(name: "empty", value: includeEmpty ? "true" : nil),
        ]
        return try await fetch(
            Overview.self, "/v1/overview", query: query, using: client,
            table: { OverviewOutput.table($0, wide: wide) }, csv: { OverviewOutput.csv($0) })
    }
}
