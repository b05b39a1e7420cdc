import EntasAPI
import EntasDomain

/// The region tables of the read model, either recomputed from scratch (``CoordinatorReadModel/recount(_:)``)
/// or as stored (``CoordinatorReadModel/stored(_:)``), in one canonical form so the two compare with `==`:
/// sorted, and without rows that count nothing (an incremental table keeps a region's row at zero after
/// its last household moves away; a recount has no such row).
public struct ReadModelRecount: Sendable, Equatable {
    /// `regionAggregate`, by region code, rows with households only.
    public var aggregates: [RegionAggregate]
    /// `regionStrategy`, by region, cluster and strategy, rows with a non-zero counter only.
    public var strategies: [RegionStrategy]
    /// `regionMonth`, by region, month and status, non-zero deltas only.
    public var months: [RegionMonth]

    init(aggregates: [RegionAggregate], strategies: [RegionStrategy], months: [RegionMonth]) {
        self.aggregates = aggregates.filter { !$0.totals.isZero }.sorted { $0.regionCode < $1.regionCode }
        self.strategies = strategies.filter { !$0.counts.isZero }.sorted {
            ($0.regionCode, $0.cluster.rawValue, $0.strategy.rawValue)
                < ($1.regionCode, $1.cluster.rawValue, $1.strategy.rawValue)
        }
        self.months = months.filter { $0.delta != 0 }.sorted {
            ($0.regionCode, $0.month, $0.status.rawValue) < ($1.regionCode, $1.month, $1.status.rawValue)
        }
    }
}
