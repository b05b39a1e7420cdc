import ArgumentParser
import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// `entas worklist --service social-aid --region 35.09.31.2006`: a cluster service's worklist for a desa or
/// kecamatan (households in a gap, a conflict or an open verification case, with the head's name and address),
/// as a table, the service's JSON or CSV, or its printable page.
struct WorklistCommand: AsyncParsableCommand, LanguageChoosing {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "worklist",
            abstract: Message("clihelp.worklist.abstract").rendered(),
            discussion: Message("clihelp.worklist.discussion").rendered())
    }

    @Option(help: Message("clihelp.service.cluster").help)
    var service: Cluster

    @Option(help: Message("clihelp.worklist.region").help)
    var region: RegionArgument

    @Option(help: Message("clihelp.worklist.flag").help)
    var flag: HouseholdFlag?

    @Option(help: Message("clihelp.worklist.format").help)
    var format: WorklistFormat = .table

    @Option(help: Message("clihelp.service.url").help(valueName: "url"))
    var serviceURL: String?

    @Option(help: Message("clihelp.service.token").help(valueName: "token"))
    var token: String?

    @OptionGroup var language: LanguageOptions

    enum WorklistFormat: String, CaseIterable, ExpressibleByArgument {
        case table, json, csv, html
    }

    func validate() throws {
        try inChosenLanguage {
            let code = try region.validated()
            guard code.level == .desa || code.level == .kecamatan else {
                throw ValidationError(Message("cli.validation.worklistRegion", .text(code.dotted)))
            }
            do {
                _ = try ImportTarget.endpoint(service, url: serviceURL, token: token, environment: ProcessInfo.processInfo.environment)
            } catch let error as MissingTokenError {
                throw ValidationError(error.description)
            } catch let error as InvalidURLError {
                throw ValidationError(error.description)
            }
        }
    }

    func output(environment: [String: String]) async throws -> String {
        try await inChosenLanguage { try await render(environment: environment) }
    }

    private func render(environment: [String: String]) async throws -> String {
        let endpoint = try ImportTarget.endpoint(service, url: serviceURL, token: token, environment: environment)
        let client = APIClient(endpoint: endpoint)
        var query = [URLQueryItem(name: "region", value: try region.validated().dotted)]
        if let flag { query.append(URLQueryItem(name: "flag", value: flag.rawValue)) }
        if format != .table { query.append(URLQueryItem(name: "format", value: format.rawValue)) }
        let data = try await client.get("/v1/worklist", query: query)
        guard format == .table else { return String(decoding: data, as: UTF8.self) }
        return WorklistOutput.table(try client.decode(Worklist.self, from: data, path: "/v1/worklist"))
    }

    func run() async throws {
        print(try await output(environment: ProcessInfo.processInfo.environment))
    }
}

extension HouseholdFlag: ExpressibleByArgument {}

/// A worklist as an aligned table.
enum WorklistOutput {
    /// Names and addresses are never cut (a team visits by them), so lines are as wide as they need.
    static func table(_ worklist: Worklist) -> String {
        let title = Message(
            "cli.worklist.title", .text("\(worklist.regionName) (\(worklist.regionCode.dotted))"), .count(worklist.entries.count),
            .count(worklist.households)
        ).rendered()
        guard !worklist.entries.isEmpty else { return title }
        let table = Table(
            columns: [
                .left("No. KK"), .left(Message("cli.worklist.column.head")), .left(Message("cli.worklist.column.address")),
                .left(Message("cli.worklist.column.flags")), .left(Message("cli.worklist.column.consensus")),
                .left(Message("cli.list.column.clustersSay")), .left(Message("cli.list.column.case")),
            ],
            rows: worklist.entries.map { entry in
                [
                    entry.kkNumber, entry.headName, entry.address, entry.flags.map(\.rawValue).joined(separator: " "),
                    entry.consensusStatus?.abbreviation ?? "-", HouseholdListOutput.statuses(entry.statements),
                    entry.verification.map { HouseholdListOutput.caseText($0) + ($0.caseID.map { " \($0)" } ?? "") } ?? "",
                ]
            })
        return ([title, ""] + TableRenderer.render(table, maximumWidth: nil)).joined(separator: "\n")
    }
}
