import EntasAPI
import EntasDomain
import EntasService
import Hummingbird

/// Lists of households for field verification (gaps, conflicts) and one household's detail.
/// The coordinator hashes the KK it is given; it never stores or returns the raw number.
struct HouseholdViewController: Sendable {
    let queries: CoordinatorQueries
    let secret: HouseholdKeySecret

    func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        group.get("gaps", summary: "Very poor or poor households without social aid, or very poor without any cluster (?region=&cluster=&status=&limit=&offset=)", query: CoordinatorSchemas.gaps) { request, context in
            let limit = try Query.int(request, "limit", default: 100, range: 1...1_000)
            let offset = try Query.int(request, "offset", default: 0, range: 0...Int.max)
            return try await queries.gaps(
                region: try Query.region(request, context), cluster: try Query.cluster(request), status: try Query.status(request), limit: limit, offset: offset)
        }
        group.get("conflicts", summary: "Households whose clusters' latest assessments differ, for verifikasi dan validasi (?region=&limit=&offset=)", query: CoordinatorSchemas.conflicts) { request, context in
            let limit = try Query.int(request, "limit", default: 100, range: 1...1_000)
            let offset = try Query.int(request, "offset", default: 0, range: 0...Int.max)
            return try await queries.conflicts(region: try Query.region(request, context), limit: limit, offset: offset)
        }
        group.get("households/{kk}", summary: "One household: each cluster's assessment, enrolments, referrals, history") { _, context in
            let kk = try KKNumber(try context.parameters.require("kk"))
            // Outside the token's region the answer is 403 whether or not the household is known.
            guard let detail = try await queries.household(kk: kk, key: secret) else {
                guard context.scope.contains(kecamatanOf: kk) else { throw ProblemDocument.outsideRegion(nil, scope: context.scope) }
                throw ProblemDocument.notFound(Message("coordinator.household.notFound", .text(kk.masked)))
            }
            try context.scope.require(record: detail.desa.code)
            return detail
        }
    }
}
