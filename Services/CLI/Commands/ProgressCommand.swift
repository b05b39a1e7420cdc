import ArgumentParser
import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// `entas progress`: households by consensus status at the end of each month.
struct ProgressCommand: CoordinatorReadCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "progress",
            abstract: Message("clihelp.progress.abstract").rendered(),
            discussion: Message("clihelp.progress.discussion").rendered())
    }

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: Message("clihelp.region.read").help)
    var region: RegionArgument?

    @Option(help: Message("clihelp.progress.from").help(valueName: "YYYY-MM"))
    var from: MonthArgument?

    @Option(help: Message("clihelp.progress.to").help(valueName: "YYYY-MM"))
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
