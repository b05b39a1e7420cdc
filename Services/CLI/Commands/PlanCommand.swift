import ArgumentParser
import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// `entas plan`: need, commitments and the Sangat Miskin shortfall of a region and period.
struct PlanCommand: CoordinatorReadCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "plan",
            abstract: Message("clihelp.plan.abstract").rendered(),
            discussion: Message("clihelp.plan.discussion").rendered())
    }

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: Message("clihelp.region.read").help)
    var region: RegionArgument?

    @Option(help: Message("clihelp.period").help(valueName: "period"))
    var period: PeriodArgument?

    func validateArguments() throws {
        _ = try region.codeOrProvince()
        _ = try period.periodOrThisYear()
    }

    func output(using client: APIClient) async throws -> String {
        let query = [
            try region.queryItem(),
            URLQueryItem(name: "period", value: try period.periodOrThisYear().description),
        ]
        return try await fetch(PlanReport.self, "/v1/plan", query: query, using: client, table: { PlanOutput.table($0) }, csv: PlanOutput.csv)
    }
}
