import EntasAPI
import ArgumentParser
import EntasDomain
import Foundation

/// `entas target`: the province's targets at the coordinator.
struct TargetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target",
        abstract: "The province's targets per region and year: SM households remaining, social-aid coverage.",
        subcommands: [TargetSetCommand.self, TargetListCommand.self])
}

/// `entas target list`: the targets set for a region, the regions above it and inside it.
struct TargetListCommand: CoordinatorReadCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the targets set for a region (and above and inside it).")

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: "The region: 35, 35.09, 35.09.31 or 35.09.31.2006. By default your token's region (35, the province, for a province-wide token).")
    var region: RegionArgument?

    @Option(help: "Only this year's targets.")
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

    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set a region's targets for a year (needs an admin token of the coordinator).",
        discussion:
            "The token comes from --token, else ENTAS_ADMIN_TOKEN, else ENTAS_TOKEN; it must be issued with "
            + "`entas-coordinator token create --name <who> --role admin`. The figures given replace the region's "
            + "targets for that year; one left out is cleared.")

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: "The region: 35, 35.09, 35.09.31 or 35.09.31.2006.")
    var region: RegionArgument

    @Option(help: "The year the targets are for, e.g. 2027.")
    var year: Int

    @Option(help: "Sangat Miskin households that may remain at the end of the year (the province's target is 0).")
    var smRemaining: Int?

    @Option(help: "The least share, in percent (0-100), of SM and M households covered by social aid.")
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
