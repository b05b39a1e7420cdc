import EntasDomain

/// Households of a region by consensus status at the end of each month (a month without any change is
/// listed with the counts of the month before).
public struct ProgressMonth: Sendable, Hashable, Codable {
    public var month: CalendarMonth
    public var sangatMiskin: Int
    public var miskin: Int
    public var hampirMiskin: Int
    public var tidakMiskin: Int
    public var graduated: Int

    package init(month: CalendarMonth, sangatMiskin: Int, miskin: Int, hampirMiskin: Int, tidakMiskin: Int, graduated: Int) {
        self.month = month
        self.sangatMiskin = sangatMiskin
        self.miskin = miskin
        self.hampirMiskin = hampirMiskin
        self.tidakMiskin = tidakMiskin
        self.graduated = graduated
    }
}

/// A region's progress (SM households at baseline, now, and graduated) over a range of months.
public struct ProgressReport: Sendable, Hashable, Codable {
    /// The region with its current totals (baseline counts included).
    public var region: RegionSummary
    public var from: CalendarMonth
    public var to: CalendarMonth
    /// One entry per month from `from` to `to`, both included.
    public var months: [ProgressMonth]

    package init(region: RegionSummary, from: CalendarMonth, to: CalendarMonth, months: [ProgressMonth]) {
        self.region = region
        self.from = from
        self.to = to
        self.months = months
    }
}

/// Programme activity of one cluster and strategy in a region.
public struct StrategyRow: Sendable, Hashable, Codable {
    public var cluster: Cluster
    public var strategy: Strategy
    /// Enrolments started and not ended of the region's households (counted where they live now).
    public var activeEnrolments: Int
    /// Enrolments started in the region.
    public var enrolmentsStarted: Int
    /// Deliveries made in the region, and their cash value.
    public var deliveries: Int
    public var deliveredRupiah: Int64
    /// Jiwa the active enrolments reach: each enrolled household's people, or the member alone for a programme of
    /// one person (PIP).
    public var activePeople: Int

    package init(
        cluster: Cluster, strategy: Strategy, activeEnrolments: Int, enrolmentsStarted: Int, deliveries: Int, deliveredRupiah: Int64,
        activePeople: Int = 0
    ) {
        self.activePeople = activePeople
        self.cluster = cluster
        self.strategy = strategy
        self.activeEnrolments = activeEnrolments
        self.enrolmentsStarted = enrolmentsStarted
        self.deliveries = deliveries
        self.deliveredRupiah = deliveredRupiah
    }
}

/// A region's programme activity per cluster and strategy: only pairs with any activity, by cluster then
/// strategy.
public struct StrategyReport: Sendable, Hashable, Codable {
    public var regionCode: RegionCode
    public var regionName: String
    public var rows: [StrategyRow]

    package init(regionCode: RegionCode, regionName: String, rows: [StrategyRow]) {
        self.regionCode = regionCode
        self.regionName = regionName
        self.rows = rows
    }
}
