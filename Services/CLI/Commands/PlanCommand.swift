import EntasAPI
import ArgumentParser
import Foundation

/// `entas plan`: need, commitments and the Sangat Miskin shortfall of a region and period.
struct PlanCommand: CoordinatorReadCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Households in need, what each cluster committed, and the SM households no commitment covers.",
        discussion: "Per cluster and strategy, and per child region, largest shortfall first. By default this year.")

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: "The region: 35, 35.09, 35.09.31 or 35.09.31.2006. By default your token's region (35, the province, for a province-wide token).")
    var region: RegionArgument?

    @Option(help: ArgumentHelp("The period: a year (2027), a quarter (2027-Q1) or a month (2027-03).", valueName: "period"))
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
