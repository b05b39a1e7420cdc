import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// How current the views are, as every page shows it.
struct FreshnessSummary: Sendable {
    /// The latest `ce_time` applied; nil before the first event.
    var lastEventTime: Date?
    var eventsApplied: Int
    /// Messages the coordinator's consumer group has not processed yet, over every partition; nil when the
    /// broker could not be asked.
    var lag: Int64?
    /// Why the lag is unknown.
    var lagProblem: String?
}

/// Everything a region page shows, read for one request.
struct RegionPageData: Sendable {
    var overview: Overview
    /// The last months of SM, M, HM and graduated; nil before any household.
    var progress: ProgressReport?
    /// Below the province only: the lists and the strategy breakdown.
    var strategies: StrategyReport?
    var gaps: HouseholdPage<GapItem>?
    var conflicts: HouseholdPage<ConflictItem>?
    /// Open verification cases (assigned or not), oldest desa first.
    var cases: HouseholdPage<CaseItem>?
    var freshness: FreshnessSummary
}

/// Reads a page's data through ``CoordinatorQueries`` and the subscription's lag, concurrently.
struct DashboardReader: Sendable {
    /// Households per page of the gap, conflict and case lists.
    static let pageSize = 20
    /// The most months the progress chart shows.
    static let progressMonths = 24

    let queries: CoordinatorQueries
    let subscription: EventSubscription
    /// This month, where the progress chart ends at the latest.
    var thisMonth: @Sendable () -> CalendarMonth = { CalendarMonth(CalendarDate.today()) }

    func freshness() async throws -> FreshnessSummary {
        async let positions = lag()
        let freshness = try await queries.freshness()
        let (lag, problem) = await positions
        return FreshnessSummary(
            lastEventTime: freshness.lastEventTime, eventsApplied: freshness.eventsApplied, lag: lag, lagProblem: problem)
    }

    /// The data of `region`'s page; the lists start at the given offsets.
    func regionPage(_ region: RegionCode, gapOffset: Int = 0, conflictOffset: Int = 0, caseOffset: Int = 0) async throws -> RegionPageData {
        async let freshness = freshness()
        let depth = region.level == .desa ? 0 : 1
        let overview = try await queries.overview(region: region, depth: depth)
        var data = RegionPageData(overview: overview, freshness: try await freshness)
        data.progress = try await progress(region)
        if region != .eastJava {
            data.strategies = try await queries.strategies(region: region)
            data.gaps = try await queries.gaps(region: region, limit: Self.pageSize, offset: max(gapOffset, 0))
            data.conflicts = try await queries.conflicts(region: region, limit: Self.pageSize, offset: max(conflictOffset, 0))
            data.cases = try await queries.cases(region: region, limit: Self.pageSize, offset: max(caseOffset, 0))
        }
        return data
    }

    /// Progress from the first month with a change (at most ``progressMonths`` back) to this month or the
    /// last change, whichever is later.
    private func progress(_ region: RegionCode) async throws -> ProgressReport? {
        guard let span = try await queries.monthsWithChanges(in: region) else { return nil }
        let to = max(span.upperBound, thisMonth())
        let from = max(span.lowerBound, to.monthsBefore(Self.progressMonths - 1))
        return try await queries.progress(region: region, from: from, to: to)
    }

    private func lag() async -> (Int64?, String?) {
        let positions = subscription.positions()
        guard !positions.isEmpty else { return (nil, "not known yet: the coordinator is joining its consumer group") }
        return (positions.reduce(0) { $0 + $1.lag }, nil)
    }
}
