import ArgumentParser
import Foundation

/// `entas evaluate`: realisation against commitments and targets for a region and period.
struct EvaluateCommand: CoordinatorReadCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "What the clusters did against what they committed, and the SM households against the targets.",
        discussion: "Per programme, strategy and cluster, per child region (furthest behind first), with the SM trajectory. By default this year.")

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: "The region: 35, 35.09, 35.09.31 or 35.09.31.2006.")
    var region: RegionArgument?

    @Option(help: ArgumentHelp("The period: a year (2027), a quarter (2027-Q1) or a month (2027-03).", valueName: "period"))
    var period: PeriodArgument?

    func validateArguments() throws {
        _ = try region.codeOrProvince()
        _ = try period.periodOrThisYear()
    }

    func output(using client: APIClient) async throws -> String {
        try await fetch(
            API.EvaluationReport.self, "/v1/evaluation", query: try query(), using: client, table: { EvaluationOutput.table($0) },
            csv: EvaluationOutput.csv)
    }

    func query() throws -> [URLQueryItem] {
        [
            URLQueryItem(name: "region", value: try region.codeOrProvince().dotted),
            URLQueryItem(name: "period", value: try period.periodOrThisYear().description),
        ]
    }
}
