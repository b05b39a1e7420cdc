import ArgumentParser
import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// `entas gaps`: very poor or poor households without social aid, for the field teams.
struct GapsCommand: CoordinatorReadCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "gaps",
            abstract: Message("clihelp.gaps.abstract").rendered())
    }

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: Message("clihelp.region.filter").help)
    var region: RegionArgument?

    @Option(help: Message("clihelp.gaps.cluster").help)
    var cluster: Cluster?

    @Option(help: Message("clihelp.gaps.status").help)
    var status: PovertyStatus?

    @OptionGroup var page: PageOptions

    func validateArguments() throws {
        _ = try region.codeOrProvince()
    }

    func output(using client: APIClient) async throws -> String {
        var query = [try region.queryItem()]
        query.append(URLQueryItem(name: "cluster", value: cluster?.rawValue))
        query.append(URLQueryItem(name: "status", value: status?.rawValue))
        query += page.queryItems
        return try await fetch(
            HouseholdPage<GapItem>.self, "/v1/gaps", query: query, using: client,
            table: { HouseholdListOutput.gapsTable($0) }, csv: HouseholdListOutput.gapsCSV)
    }
}
