import ArgumentParser
import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// `entas evaluate`: realisation against commitments and targets for a region and period.
struct EvaluateCommand: CoordinatorReadCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "evaluate",
            abstract: Message("clihelp.evaluate.abstract").rendered(),
            discussion: Message("clihelp.evaluate.discussion").rendered())
    }

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: Message("clihelp.region.read").help)
    var region: RegionArgument?

    @Option(help: Message("clihelp.period").help(valueName: "period"))
    var period: PeriodArgument?

    @Option(help: Message("clihelp.evaluate.report").help(valueName: "file.html"))
    var report: String?

    func validateArguments() throws {
        _ = try region.codeOrProvince()
        _ = try period.periodOrThisYear()
    }

    func output(using client: APIClient) async throws -> String {
        if let report { return try await writeReport(to: report, using: client) }
        return try await fetch(
            EvaluationReport.self, "/v1/evaluation", query: try query(), using: client, table: { EvaluationOutput.table($0) },
            csv: EvaluationOutput.csv)
    }

    /// Fetches the coordinator's HTML report and writes it to `path`; returns the line to print.
    func writeReport(to path: String, using client: APIClient) async throws -> String {
        let html = try await client.get("/v1/evaluation/report", query: try query())
        let url = URL(fileURLWithPath: path)
        do {
            try html.write(to: url, options: .atomic)
        } catch {
            throw ReportWriteError(path: url.path, reason: error.localizedDescription)
        }
        let region = try region?.validated().dotted ?? Message("cli.evaluate.report.tokenRegion").rendered()
        let period = try period.periodOrThisYear().description
        return Message("cli.evaluate.report.written", .text(region), .text(period), .text(url.path), .count(html.count)).rendered()
    }

    func query() throws -> [URLQueryItem] {
        [
            try region.queryItem(),
            URLQueryItem(name: "period", value: try period.periodOrThisYear().description),
        ]
    }
}

/// The report could not be written where `--report` said.
struct ReportWriteError: Error, Sendable, CustomStringConvertible, MessageConvertible {
    var path: String
    var reason: String

    var message: Message { Message("cli.evaluate.report.cannotWrite", .text(path), .text(reason)) }

    var description: String { message.rendered() }
}
