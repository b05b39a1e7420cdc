import EntasAPI
import EntasDomain
import EntasService
import Hummingbird

/// Verification cases (verifikasi dan validasi) of a region, and the flag lookup through which a cluster
/// service learns which of its households are in a gap, a conflict or an open case. The coordinator hashes
/// the No. KK it is given and keeps none of them.
struct CaseController: Sendable {
    let queries: CoordinatorQueries
    let secret: HouseholdKeySecret

    func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        group.get("cases", summary: "Households with a verification case: open (assigned or not), or with state=open|assigned|verified (?region=&state=&limit=&offset=)", query: CoordinatorSchemas.cases) { request, context in
            let limit = try Query.int(request, "limit", default: 100, range: 1...1_000)
            let offset = try Query.int(request, "offset", default: 0, range: 0...Int.max)
            return try await queries.cases(
                region: try Query.region(request, context), state: try Query.caseState(request), limit: limit, offset: offset)
        }
        group.post("flags", summary: "Which of these households (by No. KK, hashed on arrival, kept nowhere) are in a gap, a conflict or an open case; for the cluster services' worklists", body: CoordinatorSchemas.flagLookup) { request, context in
            let lookup = try await request.decodeJSON(as: FlagLookup.self, context: context)
            guard lookup.kkNumbers.count <= FlagLookup.maximumCount else {
                throw ProblemDocument.invalidField(
                    "kkNumbers", Message("coordinator.flags.tooMany", .count(FlagLookup.maximumCount), .count(lookup.kkNumbers.count)))
            }
            return try await queries.flags(of: lookup.kkNumbers, key: secret, within: context.scope)
        }
    }
}

extension FlagReport: ResponseEncodable {}

extension Query {
    /// `?state=open|assigned|verified`.
    static func caseState(_ request: Request) throws -> CaseState? {
        guard let text = request.uri.queryParameters.get("state") else { return nil }
        guard let state = CaseState(rawValue: text) else {
            throw ProblemDocument.invalidField(
                "state", Message("coordinator.cases.unknownState", .text(String(text.prefix(30))), .text(CaseState.allCases.map(\.rawValue).joined(separator: ", "))))
        }
        return state
    }
}
