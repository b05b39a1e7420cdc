import ArgumentParser
import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// `entas overview`: a region's households by consensus status, coverage per cluster, gaps
/// and conflicts, one row per child region and a total row.
struct OverviewCommand: CoordinatorReadCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "overview",
            abstract: Message("clihelp.overview.abstract").rendered(),
            discussion: Message("clihelp.overview.discussion").rendered())
    }

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: Message("clihelp.overview.region").help)
    var region: RegionArgument?

    @Option(help: Message("clihelp.overview.depth").help)
    var depth: Int = 1

    @Flag(help: Message("clihelp.overview.wide").help)
    var wide = false

    @Flag(help: Message("clihelp.overview.includeEmpty").help)
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
