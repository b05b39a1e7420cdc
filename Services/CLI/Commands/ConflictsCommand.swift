import ArgumentParser
import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// `entas conflicts`: households whose clusters' latest assessments differ, for field
/// verification (verifikasi dan validasi).
struct ConflictsCommand: CoordinatorReadCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "conflicts",
            abstract: Message("clihelp.conflicts.abstract").rendered())
    }

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: Message("clihelp.region.filter").help)
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
