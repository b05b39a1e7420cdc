import EntasAPI
import EntasDomain
import EntasStore
import GRDB

/// The net change, in one month, of a region's households with one consensus status (`regionMonth`). The
/// count at month m is the sum of the deltas up to and including m; households are counted where they live
/// now, with their whole status history (see ``StatusTimeline``).
public struct RegionMonth: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "regionMonth"

    public var regionCode: RegionCode
    public var month: CalendarMonth
    public var status: PovertyStatus
    public var delta: Int

    public enum Columns {
        public static let regionCode = Column(CodingKeys.regionCode)
        public static let month = Column(CodingKeys.month)
        public static let status = Column(CodingKeys.status)
        public static let delta = Column(CodingKeys.delta)
    }
}
