import ArgumentParser
import EntasDomain
import EntasAPI
import Foundation

/// `entas cases`: households with a verification case (verifikasi dan validasi): open, assigned to a team,
/// or verified.
struct CasesCommand: CoordinatorReadCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "Verification cases (verifikasi dan validasi): open and assigned ones by default, or --state.",
        discussion: """
            A case opens when the clusters disagree on a household or a cluster asks for a verification; it \
            ends with a field verification recorded at a verifying cluster's service (Dinas Sosial by \
            default). Field teams work from their service's worklist, which has the names.
            """)

    @OptionGroup var coordinator: CoordinatorOptions

    @Option(help: "Only households in this region: 35, 35.09, 35.09.31 or 35.09.31.2006. By default your token's region (35, the province, for a province-wide token).")
    var region: RegionArgument?

    @Option(help: "open (no team yet), assigned, or verified; open and assigned when left out.")
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
