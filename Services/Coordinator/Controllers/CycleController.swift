import EntasAPI
import EntasDomain
import EntasService
import Foundation
import Hummingbird

/// The programme cycle around the consensus: the plan (need, commitments, shortfall) and the evaluation
/// (realisation against commitments and targets) for a region and period. Derived from the same events as every other view, so a rebuild gives it back.
struct CycleController: Sendable {
    let queries: CoordinatorQueries

    func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        group.get("plan", summary: "Households in need by consensus, gaps, commitments per cluster and strategy, and the SM shortfall, per child region (?region=&period=)", query: CoordinatorSchemas.regionAndPeriod) { request, context in
            try await queries.plan(region: try Query.region(request, context), period: try Query.period(request))
        }
        group.get("evaluation", summary: "Realisation against commitment per cluster, programme, strategy and child region (furthest behind first), and against the targets, with the SM trajectory per month (?region=&period=)", query: CoordinatorSchemas.regionAndPeriod) { request, context in
            try await queries.evaluation(region: try Query.region(request, context), period: try Query.period(request))
        }
        group.get("evaluation/report", summary: "The evaluation as one printable, self-contained HTML file (inline CSS and SVG, tables behind every chart) (?region=&period=)", query: CoordinatorSchemas.regionAndPeriod) { request, context in
            let region = try Query.region(request, context)
            let period = try Query.period(request)
            let page = EvaluationReportPage(
                report: try await queries.evaluation(region: region, period: period), generatedAt: Date(), freshness: try await queries.freshness())
            return ReportFile(html: page.render(), fileName: "entas-evaluation-\(region.dotted)-\(period).html")
        }
    }
}

extension PlanReport: ResponseEncodable {}
extension EvaluationReport: ResponseEncodable {}

extension Query {
    /// `?period=` (`2027`, `2027-Q1` or `2027-03`); this year (WIB) when absent.
    static func period(_ request: Request, today: CalendarDate = .today()) throws -> Period {
        guard let text = request.uri.queryParameters.get("period"), !text.isEmpty else { return Period.containing(today, as: .year) }
        do { return try Period(text) } catch { throw ProblemDocument.invalidField("period", because: error) }
    }
}
