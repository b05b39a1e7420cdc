import EntasAPI
import ArgumentParser
import EntasDomain
import Foundation

/// `entas gaps`: very poor or poor households without social aid, for the field teams.
struct GapsCommand: CoordinatorReadCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Households in a gap: consensus SM or M without social aid (SM with no cluster at all flagged).")

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: "Only households in this region: 35, 35.09, 35.09.31 or 35.09.31.2006. By default your token's region (35, the province, for a province-wide token).")
    var region: RegionArgument?

    @Option(help: "Only households an active enrolment of this cluster covers (social-aid, empowerment, umkm, low-cost).")
    var cluster: Cluster?

    @Option(help: "Only households with this consensus status: SM or M.")
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
