import ArgumentParser
import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// `entas cases`: households with a verification case (verifikasi dan validasi): open, assigned to a team,
/// or verified.
struct CasesCommand: CoordinatorReadCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "cases",
            abstract: Message("clihelp.cases.abstract").rendered(),
            discussion: Message("clihelp.cases.discussion").rendered())
    }

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: Message("clihelp.region.filter").help)
    var region: RegionArgument?

    @Option(help: Message("clihelp.cases.state").help)
    var state: CaseState?

    @OptionGroup var page: PageOptions

    func validateArguments() throws {
        _ = try region.codeOrProvince()
    }

    func output(using client: APIClient) async throws -> String {
        var query = [try region.queryItem()] + page.queryItems
        if let state { query.append(URLQueryItem(name: "state", value: state.rawValue)) }
        let what =
            switch state {
            case nil: Message("cli.cases.what.open")
            case .open: Message("cli.cases.what.unassigned")
            case .assigned: Message("cli.cases.what.assigned")
            case .verified: Message("cli.cases.what.verified")
            }
        return try await fetch(
            HouseholdPage<CaseItem>.self, "/v1/cases", query: query, using: client,
            table: { HouseholdListOutput.casesTable($0, what: what) }, csv: HouseholdListOutput.casesCSV)
    }
}

extension CaseState: ExpressibleByArgument {}
