import ArgumentParser
import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// `entas strategies`: enrolments and deliveries per cluster and strategy in a region.
struct StrategiesCommand: CoordinatorReadCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "strategies",
            abstract: Message("clihelp.strategies.abstract").rendered())
    }

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: Message("clihelp.region.read").help)
    var region: RegionArgument?

    func validateArguments() throws {
        _ = try region.codeOrProvince()
    }

    func output(using client: APIClient) async throws -> String {
        try await fetch(
            StrategyReport.self, "/v1/strategies", query: [try region.queryItem()],
            using: client, table: { StrategiesOutput.table($0) }, csv: StrategiesOutput.csv)
    }
}
