import EntasAPI
import ArgumentParser
import Foundation

/// `entas strategies`: enrolments and deliveries per cluster and strategy in a region.
struct StrategiesCommand: CoordinatorReadCommand {
    static let configuration = CommandConfiguration(
        commandName: "strategies",
        abstract: "Active enrolments, enrolments started, deliveries and rupiah per cluster and strategy.")

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: "The region: 35, 35.09, 35.09.31 or 35.09.31.2006. By default your token's region (35, the province, for a province-wide token).")
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
