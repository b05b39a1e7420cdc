import EntasDomain
import Foundation
import GRDB
import Hummingbird

/// Writes the audit trail of the `/v1` routes: every request that is not a GET (a write, whatever its
/// answer), and every GET whose handler said its answer names people (``AuditNote/answered(households:region:)``)
/// or whose route always does (``personalDataRoutes``).
/// The entry is written after the answer is made, in its own transaction; a request the trail cannot record
/// is answered 500, so nothing that names people leaves unrecorded.
public struct AuditMiddleware: RouterMiddleware {
    public typealias Context = AgencyRequestContext
    let database: any DatabaseWriter
    /// Route templates whose GET answers name people even when the handler says nothing (a cluster service's
    /// reads of its households, referrals, enrolments…).
    let personalDataRoutes: @Sendable (String) -> Bool
    /// Where the household of a `{kk}` route lives, for an entry whose handler named no region.
    let householdRegion: @Sendable (KKNumber) async throws -> RegionCode?

    public init(
        database: any DatabaseWriter, personalDataRoutes: @escaping @Sendable (String) -> Bool = { _ in false },
        householdRegion: @escaping @Sendable (KKNumber) async throws -> RegionCode? = { _ in nil }
    ) {
        self.database = database
        self.personalDataRoutes = personalDataRoutes
        self.householdRegion = householdRegion
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            try await record(request, context, status: response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            try await record(request, context, status: error.status.code)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int) async throws {
        guard let identity = context.identity else { return }
        let isRead = request.method == .get || request.method == .head
        let route = context.endpointPath ?? "(no route)"
        guard !isRead || context.audit.personalData || personalDataRoutes(route) else { return }
        var region = context.audit.region ?? request.uri.queryParameters.get("region").flatMap { try? RegionCode($0) }
        if region == nil, let kk = context.parameters.get("kk").flatMap({ try? KKNumber($0) }) {
            region = try await householdRegion(kk)
        }
        // A regional token's request that named no region covered the token's region (its lists are filtered to it).
        if region == nil, !context.scope.isProvince { region = context.scope.region }
        let entry = AuditEntry(
            id: nil, at: Date(), operatorId: identity.tokenID.lowercaseText, operatorName: identity.name,
            kind: isRead ? .read : .write, method: request.method.rawValue, route: route,
            status: status, region: region?.dotted, households: context.audit.households)
        try await database.write { db in _ = try entry.inserted(db) }
    }
}
