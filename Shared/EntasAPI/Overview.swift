import EntasDomain

/// One region with its totals: a row of an ``Overview``.
public struct RegionSummary: Sendable, Hashable, Codable {
    /// The Kemendagri code, e.g. `35.09.31`.
    public var code: RegionCode
    /// The name in the region reference ("Kabupaten Jember", "Sumberjambe"); the code when it has none.
    public var name: String
    public var level: RegionLevel
    public var totals: RegionTotals

    public init(code: RegionCode, name: String, level: RegionLevel, totals: RegionTotals) {
        self.code = code
        self.name = name
        self.level = level
        self.totals = totals
    }
}

/// A region's totals and those of its descendants `depth` levels below (1: children, 2: grandchildren…).
///
/// Read from the incremental `regionAggregate` rows only, so it costs the number of regions shown. By
/// default ``regions`` lists only descendants with at least one household; asked with `includeEmpty`, it
/// lists every descendant of the reference at that level, with zero totals where nobody lives yet.
public struct Overview: Sendable, Hashable, Codable {
    /// The region asked for, with its own totals.
    public var region: RegionSummary
    /// How many levels below it ``regions`` are.
    public var depth: Int
    /// The descendants at that depth, by code.
    public var regions: [RegionSummary]

    public init(region: RegionSummary, depth: Int, regions: [RegionSummary]) {
        self.region = region
        self.depth = depth
        self.regions = regions
    }
}
