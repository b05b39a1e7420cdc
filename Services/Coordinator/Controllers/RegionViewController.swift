import EntasAPI
import EntasDomain
import EntasService
import Foundation
import Hummingbird

/// Views of a region: the overview, progress by month, strategies, commitments. Each reads
/// the per-region aggregates, so its cost grows with the regions shown, not the households.
struct RegionViewController: Sendable {
    let queries: CoordinatorQueries

    func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        group.get("overview", summary: "Households by consensus status, coverage per cluster, gaps, conflicts, graduated: per child region and total (?region=35&depth=1)", query: CoordinatorSchemas.overview) { request, context in
            let depth = try Query.int(request, "depth", default: 1, range: 0...3)
            return try await queries.overview(region: try Query.region(request, context), depth: depth, includeEmpty: request.uri.queryParameters.get("empty") == "true")
        }
        group.get("progress", summary: "SM, M, HM and graduated households per month (?region=&from=YYYY-MM&to=YYYY-MM)", query: CoordinatorSchemas.progress) { request, context in
            let today = CalendarMonth(CalendarDate.today())
            let to = try Query.month(request, "to") ?? today
            let from = try Query.month(request, "from") ?? CalendarMonth(try CalendarDate(year: to.year - 1, month: to.month, day: 1))
            return try await queries.progress(region: try Query.region(request, context), from: from, to: to)
        }
        group.get("strategies", summary: "Enrolments and deliveries per strategy and cluster (?region=)", query: CoordinatorSchemas.region) { request, context in
            try await queries.strategies(region: try Query.region(request, context))
        }
        group.get("commitments", summary: "Clusters' commitments for a region and period, with revisions (?region=&period=)", query: CoordinatorSchemas.regionAndPeriod) { request, context in
            let period = try request.uri.queryParameters.get("period").map { text in
                do { return try Period(text) } catch { throw ProblemDocument.invalidField("period", because: error) }
            }
            return CommitmentList(commitments: try await queries.commitments(region: try Query.region(request, context), period: period))
        }
    }
}

struct CommitmentList: ResponseEncodable, Sendable {
    var commitments: [CommitmentView]
}

extension Overview: ResponseEncodable {}
extension ProgressReport: ResponseEncodable {}
extension StrategyReport: ResponseEncodable {}
extension HouseholdDetail: ResponseEncodable {}
extension HouseholdPage: ResponseEncodable {}
extension Freshness: ResponseEncodable {}

/// Query parameters of the read API, each refused with a problem document naming it.
enum Query {
    /// `?region=` (dotted or digits), inside the token's region: by default the token's region (the province,
    /// 35, for a province-wide token); a region outside it is 403 `outside-region`.
    static func region(_ request: Request, _ context: AgencyRequestContext) throws -> RegionCode {
        guard let text = request.uri.queryParameters.get("region") else { return context.scope.region }
        let code: RegionCode
        do { code = try RegionCode(text) } catch { throw ProblemDocument.invalidField("region", because: error) }
        return try context.scope.narrow(code)
    }

    static func int(_ request: Request, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = request.uri.queryParameters.get(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw ProblemDocument.invalidField(name, Message("coordinator.query.wholeNumber", .text(name), .count(range.lowerBound), .count(range.upperBound), .text(String(text.prefix(20)))))
        }
        return number
    }

    static func month(_ request: Request, _ name: String) throws -> CalendarMonth? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        do { return try CalendarMonth(text) } catch { throw ProblemDocument.invalidField(name, Message("coordinator.query.month", .text(name), .message(Message(describing: error)))) }
    }

    static func cluster(_ request: Request) throws -> Cluster? {
        guard let text = request.uri.queryParameters.get("cluster") else { return nil }
        guard let cluster = Cluster(rawValue: text) ?? Cluster(serviceName: text) else {
            throw ProblemDocument.invalidField("cluster", Message("coordinator.query.cluster", .text(String(text.prefix(30))), .text(Cluster.allCases.map(\.rawValue).joined(separator: ", "))))
        }
        return cluster
    }

    static func status(_ request: Request) throws -> PovertyStatus? {
        guard let text = request.uri.queryParameters.get("status") else { return nil }
        guard let status = PovertyStatus(rawValue: text) ?? PovertyStatus(abbreviation: text) else {
            throw ProblemDocument.invalidField("status", Message("coordinator.query.status", .text(String(text.prefix(30)))))
        }
        return status
    }
}
