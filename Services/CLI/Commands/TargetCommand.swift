import ArgumentParser
import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// `entas target`: the province's targets at the coordinator.
struct TargetCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "target",
            abstract: Message("clihelp.target.abstract").rendered(),
            subcommands: [TargetSetCommand.self, TargetListCommand.self])
    }
}

/// `entas target list`: the targets set for a region, the regions above it and inside it.
struct TargetListCommand: CoordinatorReadCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: Message("clihelp.target.list.abstract").rendered())
    }

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: Message("clihelp.region.read").help)
    var region: RegionArgument?

    @Option(help: Message("clihelp.target.list.year").help)
    var year: Int?

    func validateArguments() throws {
        _ = try region.codeOrProvince()
    }

    func output(using client: APIClient) async throws -> String {
        var query = [try region.queryItem()]
        if let year { query.append(URLQueryItem(name: "year", value: String(year))) }
        return try await fetch(
            TargetList.self, "/v1/targets", query: query, using: client,
            table: { TargetOutput.table($0.targets) }, csv: { TargetOutput.csv($0.targets) })
    }
}

/// `entas target set`: Bappeda sets a region's targets for a year, with an admin token.
struct TargetSetCommand: AsyncParsableCommand, LanguageChoosing {
    static let tokenVariables = ["ENTAS_ADMIN_TOKEN", CoordinatorOptions.tokenVariable]

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "set",
            abstract: Message("clihelp.target.set.abstract").rendered(),
            discussion: Message("clihelp.target.set.discussion").rendered())
    }

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: Message("clihelp.target.set.region").help)
    var region: RegionArgument

    @Option(help: Message("clihelp.target.set.year").help)
    var year: Int

    @Option(help: Message("clihelp.target.set.sangatMiskin").help)
    var smRemaining: Int?

    @Option(help: Message("clihelp.target.set.coverage").help)
    var socialAidCoverage: Int?

    var language: LanguageOptions { coordinator.language }

    func validate() throws {
        try inChosenLanguage {
            _ = try region.validated()
            guard (2000...2100).contains(year) else { throw ValidationError(Message("cli.validation.year", .text(String(year)))) }
            guard smRemaining != nil || socialAidCoverage != nil else {
                throw ValidationError(Message("cli.validation.targetNone"))
            }
            if let smRemaining, smRemaining < 0 { throw ValidationError(Message("cli.validation.smRemaining")) }
            if let socialAidCoverage, !(0...100).contains(socialAidCoverage) {
                throw ValidationError(Message("cli.validation.coverage", .text(String(socialAidCoverage))))
            }
            do {
                _ = try coordinator.endpoint(environment: ProcessInfo.processInfo.environment, tokenVariables: Self.tokenVariables)
            } catch let error as MissingTokenError {
                throw ValidationError(error.description)
            } catch let error as InvalidURLError {
                throw ValidationError(error.description)
            }
        }
    }

    /// Sends the target; returns what to print (the target as stored, in the chosen format).
    func output(environment: [String: String]) async throws -> String {
        try await inChosenLanguage { try await send(environment: environment) }
    }

    private func send(environment: [String: String]) async throws -> String {
        let client = APIClient(endpoint: try coordinator.endpoint(environment: environment, tokenVariables: Self.tokenVariables))
        let request = TargetRequest(
            regionCode: try region.validated(), year: year, smRemaining: smRemaining, socialAidCoverage: socialAidCoverage)
        let data = try await client.put("/v1/targets", json: try JSONEncoder().encode(request))
        switch coordinator.format {
        case .json: return String(decoding: data, as: UTF8.self)
        case .table: return TargetOutput.table([try client.decode(TargetView.self, from: data, path: "/v1/targets")])
        case .csv: return TargetOutput.csv([try client.decode(TargetView.self, from: data, path: "/v1/targets")])
        }
    }

    func run() async throws {
        print(try await output(environment: ProcessInfo.processInfo.environment))
    }
}
