import EntasService
import EntasDomain
import Foundation
import Hummingbird

/// `/v1/households`: register, read, list, update, assess, graduate.
public struct HouseholdController: Sendable {
    let store: ClusterStore

    public func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        let households = group.group("households")
        households.post(summary: "Register a household (a known KK is an update); publishes household.registered or household.updated", body: RequestSchemas.registration) { request, context in
            let registration = try await request.decodeJSON(as: HouseholdRegistration.self, context: context)
            let result = try await store.serving(context).register(registration)
            let view = try await store.serving(context).household(registration.kkNumber)
            context.audit.wrote(households: 1, region: view.desaCode)
            return EditedResponse(status: result == .created ? .created : .ok, response: view)
        }
        households.get(summary: "List households, filtered by region (desa/kecamatan/kabupaten code) and status, paged", query: RequestSchemas.householdQuery) { request, context in
            let query = request.uri.queryParameters
            let region = try context.scope.filter(try query.get("region").map { try RegionCode($0) })
            let status = try query.get("status").map { text -> PovertyStatus in
                guard let status = PovertyStatus(rawValue: text) ?? PovertyStatus(abbreviation: text) else {
                    throw ProblemDocument.invalidField(
                        "status", Message("cluster.households.notStatus", .text(text), .text(PovertyStatus.allCases.map(\.rawValue).joined(separator: ", "))))
                }
                return status
            }
            let page = try Paging(request)
            let (total, households) = try await store.serving(context).households(in: region, status: status, limit: page.limit, offset: page.offset)
            context.audit.answered(households: households.count, region: region)
            return HouseholdPage(total: total, households: households, limit: page.limit, offset: page.offset)
        }
        households.get("{kk}", summary: "Read one household with this cluster's assessment, enrolments and graduation") { _, context in
            let household = try await store.serving(context).household(try context.kkNumber())
            context.audit.answered(households: 1, region: household.desaCode)
            return household
        }
        households.patch("{kk}", summary: "Change some of a household's fields; publishes household.updated", body: RequestSchemas.householdChanges) { request, context in
            let changes = try await request.decodeJSON(as: HouseholdChanges.self, context: context)
            return try await store.serving(context).update(try context.kkNumber(), with: changes)
        }
        households.post("{kk}/assessments", summary: "State this cluster's status for the household; publishes household.assessed", body: RequestSchemas.assessment) { request, context in
            let assessment = try await request.decodeJSON(as: AssessmentRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).assess(try context.kkNumber(), assessment))
        }
        households.post("{kk}/graduation", summary: "Mark the household as out of poverty for this cluster; publishes household.graduated", body: RequestSchemas.graduation) { request, context in
            let graduation = try await request.decodeJSON(as: GraduationRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).graduate(try context.kkNumber(), graduation))
        }
    }
}

/// A page of households.
public struct HouseholdPage: ResponseCodable, Sendable {
    /// How many households match, over all pages.
    public var total: Int
    public var households: [HouseholdView]
    public var limit: Int
    public var offset: Int
}
