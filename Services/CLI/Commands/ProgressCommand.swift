import EntasAPI
import ArgumentParser
import EntasDomain
import Foundation

/// `entas progress`: households by consensus status at the end of each month.
struct ProgressCommand: CoordinatorReadCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "SM, M, HM, not poor and graduated households per month; baseline and current SM.",
        discussion: "By default the twelve months up to this one.")

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: "The region: 35, 35.09, 35.09.31 or 35.09.31.2006. By default your token's region (35, the province, for a province-wide token).")
    var region: RegionArgument?

    @Option(help: ArgumentHelp("The first month, YYYY-MM (default a year before --to).", valueName: "YYYY-MM"))
    var from: MonthArgument?

    @Option(help: ArgumentHelp("The last month, YYYY-MM (default this month).", valueName: "YYYY-MM"))
    var to: MonthArgument?

    func validateArguments() throws {
        _ = try region.codeOrProvince()
        let first = try from?.validated("--from")
        let last = try to?.validated("--to")
        if let first, let last, first > last {
            throw ValidationError(Message("cli.validation.fromAfterTo", .text(first), .text(last)))
        }
    }

    func output(using client: APIClient) async throws -> String {
        let query = [
            try region.queryItem(),
            URLQueryItem(name: "from", value: try from?.validated("--from")),
            URLQueryItem(name: "to", value: try to?.validated("--to")),
        ]
        return try await fetch(
            ProgressReport.self, "/v1/progress", query: query, using: client,
            table: { ProgressOutput.table($0) }, csv: ProgressOutput.csv)
    }
}
