import EntasAPI
import ArgumentParser
import Foundation

/// `entas conflicts`: households whose clusters' latest assessments differ, for field
/// verification (verifikasi dan validasi).
struct ConflictsCommand: CoordinatorReadCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "Households whose clusters' latest assessments differ, for verifikasi dan validasi.")

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: "Only households in this region: 35, 35.09, 35.09.31 or 35.09.31.2006. By default your token's region (35, the province, for a province-wide token).")
    var region: RegionArgument?

    @OptionGroup var page: PageOptions

    func validateArguments() throws {
        _ = try region.codeOrProvince()
    }

    func output(using client: APIClient) async throws -> String {
        let query = [try region.queryItem()] + page.queryItems
        return try await fetch(
            HouseholdPage<ConflictItem>.self, "/v1/conflicts", query: query, using: client,
            table: { HouseholdListOutput.conflictsTable($0) }, csv: HouseholdListOutput.conflictsCSV)
    }
}
