import EntasAPI
import EntasDomain
import EntasStore
import GRDB

/// The coordinator's read API over its database: overviews, gaps, conflicts, one household, progress,
/// strategies, commitments and freshness. Every method reads in one snapshot (`try await reader.read`),
/// and an overview or a progress report reads only the rows of the regions it shows.
public struct CoordinatorQueries: Sendable {
    /// The largest page ``gaps(region:cluster:status:limit:offset:)`` and ``conflicts(region:limit:offset:)`` serve.
    public static let maximumPageSize = 1000
    /// The most months one progress report covers (50 years).
    public static let maximumMonths = 600

    let reader: any DatabaseReader
    let reference: RegionReference

    /// Queries over `reader`, naming regions from `reference`.
    public init(_ reader: any DatabaseReader, reference: RegionReference = .eastJava) {
        self.reader = reader
        self.reference = reference
    }

    /// The totals of `region` and of its descendants `depth` levels below (0: none, 1: children, …).
    /// - Parameter includeEmpty: list descendants without households too, with zero totals.
    /// - Throws: ``CoordinatorQueryError`` for an unknown region or a depth below desa level.
    public func overview(region: RegionCode, depth: Int = 1, includeEmpty: Bool = false) async throws -> Overview {
        try requireRegion(region)
        guard depth >= 0, let level = RegionLevel(rawValue: region.level.rawValue + depth) else {
            throw CoordinatorQueryError.depthOutOfRange(depth: depth, level: region.level)
        }
        let (own, rows) = try await reader.read { db in
            let own = try RegionAggregate.fetchOne(db, key: region)
            guard depth > 0 else { return (own, [RegionAggregate]()) }
            return (own, try Self.descendants(of: region, at: level).fetchAll(db))
        }
        var regions: [RegionSummary]
        if includeEmpty {
            let byCode = Dictionary(rows.map { ($0.regionCode, $0.totals) }, uniquingKeysWith: { first, _ in first })
            regions = reference.descendants(of: region, at: level).map {
                RegionSummary(code: $0.code, name: $0.name, level: level, totals: byCode[$0.code] ?? .zero)
            }
        } else {
            regions = rows.filter { $0.totals.households > 0 }.map { summary($0.regionCode, $0.totals) }
        }
        return Overview(region: summary(region, own?.totals ?? .zero), depth: depth, regions: regions)
    }

    /// Programme activity in `region` per cluster and strategy.
    public func strategies(region: RegionCode) async throws -> StrategyReport {
        try requireRegion(region)
        let rows = try await reader.read { db in
            try RegionStrategy.filter(RegionStrategy.Columns.regionCode == region)
                .order(RegionStrategy.Columns.cluster, RegionStrategy.Columns.strategy)
                .fetchAll(db)
        }
        let ordered =
            rows
            .filter { !$0.counts.isZero }
            .sorted {
                (Self.rank($0.cluster, in: Cluster.allCases), Self.rank($0.strategy, in: Strategy.allCases))
                    < (Self.rank($1.cluster, in: Cluster.allCases), Self.rank($1.strategy, in: Strategy.allCases))
            }
        return StrategyReport(
            regionCode: region, regionName: name(of: region),
            rows: ordered.map {
                StrategyRow(
                    cluster: $0.cluster, strategy: $0.strategy, activeEnrolments: $0.activeEnrolments,
                    enrolmentsStarted: $0.enrolmentsStarted, deliveries: $0.deliveries,
                    deliveredRupiah: $0.deliveredRupiah, activePeople: $0.activePeople)
            })
    }

    /// The latest event time applied and how many events were applied.
    public func freshness() async throws -> Freshness {
        let state = try await reader.read { db in try ReadModelState.current(db) }
        return Freshness(lastEventTime: state.lastEventTime?.date, eventsApplied: state.eventsApplied)
    }

    // MARK: helpers

    func requireRegion(_ region: RegionCode) throws(CoordinatorQueryError) {
        guard reference.contains(region) else { throw .unknownRegion(region) }
    }

    func name(of region: RegionCode) -> String { reference.region(region)?.name ?? region.dotted }

    func summary(_ region: RegionCode, _ totals: RegionTotals) -> RegionSummary {
        RegionSummary(code: region, name: name(of: region), level: region.level, totals: totals)
    }

    /// The aggregate rows of `region`'s descendants at `level`: a range of the `(level, regionCode)` index.
    static func descendants(of region: RegionCode, at level: RegionLevel) -> QueryInterfaceRequest<RegionAggregate> {
        let (low, high) = descendantRange(of: region)
        return
            RegionAggregate
            .filter(RegionAggregate.Columns.level == level.rawValue)
            .filter(RegionAggregate.Columns.regionCode > low && RegionAggregate.Columns.regionCode < high)
            .order(RegionAggregate.Columns.regionCode)
    }

    /// Dotted codes strictly inside `region` lie between `<code>.` and `<code>/` ('/' follows '.' in ASCII).
    static func descendantRange(of region: RegionCode) -> (String, String) {
        (region.dotted + ".", region.dotted + "/")
    }

    /// An SQL condition on a dotted desa-code column for "in `region`", with its arguments.
    static func within(_ region: RegionCode, column: String) -> (sql: String, arguments: StatementArguments) {
        if region.level == .desa { return ("\(column) = ?", [region]) }
        let (low, high) = descendantRange(of: region)
        return ("\(column) > ? AND \(column) < ?", [low, high])
    }

    private static func rank<Value: Equatable>(_ value: Value, in all: [Value]) -> Int {
        all.firstIndex(of: value) ?? all.count
    }
}
