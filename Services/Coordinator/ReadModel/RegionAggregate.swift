import EntasAPI
import EntasDomain
import EntasStore
import GRDB

/// The totals of one region at any level (`regionAggregate`): desa, kecamatan, kabupaten/kota or the
/// province. Maintained incrementally by ``CoordinatorReadModel/apply(_:_:)``; ``CoordinatorReadModel/recount(_:)``
/// recomputes them from the household rows.
public struct RegionAggregate: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "regionAggregate"

    public var regionCode: RegionCode
    public var level: RegionLevel
    public var totals: RegionTotals

    public init(regionCode: RegionCode, totals: RegionTotals) {
        self.regionCode = regionCode
        level = regionCode.level
        self.totals = totals
    }

    enum CodingKeys: String, CodingKey {
        case regionCode, level
    }

    public enum Columns {
        public static let regionCode = Column(CodingKeys.regionCode)
        public static let level = Column(CodingKeys.level)
        public static let households = Column("households")
    }

    // The counters are columns of their own, not a nested JSON object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        regionCode = try container.decode(RegionCode.self, forKey: .regionCode)
        level = try container.decode(RegionLevel.self, forKey: .level)
        totals = try RegionTotals(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(regionCode, forKey: .regionCode)
        try container.encode(level, forKey: .level)
        try totals.encode(to: encoder)
    }
}
