import EntasAPI
import EntasDomain
import EntasStore
import GRDB

/// A desa, a cluster and a strategy: the cell an enrolment or a delivery counts in before it is carried up
/// to the kecamatan, kabupaten and province.
struct StrategyCell: Sendable, Hashable {
    var desaCode: RegionCode
    var cluster: Cluster
    var strategy: Strategy
}

/// The counters of `regionStrategy`.
struct StrategyCounts: Sendable, Hashable {
    var activeEnrolments = 0
    var enrolmentsStarted = 0
    var deliveries = 0
    var deliveredRupiah: Int64 = 0
    /// Jiwa the active enrolments reach: the household's people, or the member for a programme of one person.
    var activePeople = 0

    var isZero: Bool { self == StrategyCounts() }

    static func + (lhs: StrategyCounts, rhs: StrategyCounts) -> StrategyCounts {
        StrategyCounts(
            activeEnrolments: lhs.activeEnrolments + rhs.activeEnrolments,
            enrolmentsStarted: lhs.enrolmentsStarted + rhs.enrolmentsStarted,
            deliveries: lhs.deliveries + rhs.deliveries, deliveredRupiah: lhs.deliveredRupiah + rhs.deliveredRupiah,
            activePeople: lhs.activePeople + rhs.activePeople)
    }

    static prefix func - (counts: StrategyCounts) -> StrategyCounts {
        StrategyCounts(
            activeEnrolments: -counts.activeEnrolments, enrolmentsStarted: -counts.enrolmentsStarted,
            deliveries: -counts.deliveries, deliveredRupiah: -counts.deliveredRupiah, activePeople: -counts.activePeople)
    }
}

/// Programme activity per region, cluster and strategy (`regionStrategy`).
///
/// Where each counter counts: ``activeEnrolments`` where the household lives now (coverage moves with a
/// household that moves); ``enrolmentsStarted`` in the desa the start named, and ``deliveries`` and
/// ``deliveredRupiah`` in the desa the delivery named (facts stay where they happened).
public struct RegionStrategy: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "regionStrategy"

    public var regionCode: RegionCode
    public var cluster: Cluster
    public var strategy: Strategy
    /// Enrolments started and not ended of the region's households.
    public var activeEnrolments: Int
    /// Enrolments started in the region, ended or not.
    public var enrolmentsStarted: Int
    /// Deliveries made in the region.
    public var deliveries: Int
    /// Their cash value, in rupiah (in-kind deliveries add nothing here).
    public var deliveredRupiah: Int64
    /// Jiwa reached by the active enrolments (``StrategyCounts/activePeople``).
    public var activePeople: Int

    public enum Columns {
        public static let regionCode = Column(CodingKeys.regionCode)
        public static let cluster = Column(CodingKeys.cluster)
        public static let strategy = Column(CodingKeys.strategy)
    }

    init(regionCode: RegionCode, cluster: Cluster, strategy: Strategy, counts: StrategyCounts) {
        self.regionCode = regionCode
        self.cluster = cluster
        self.strategy = strategy
        activeEnrolments = counts.activeEnrolments
        enrolmentsStarted = counts.enrolmentsStarted
        deliveries = counts.deliveries
        deliveredRupiah = counts.deliveredRupiah
        activePeople = counts.activePeople
    }

    var counts: StrategyCounts {
        StrategyCounts(
            activeEnrolments: activeEnrolments, enrolmentsStarted: enrolmentsStarted, deliveries: deliveries,
            deliveredRupiah: deliveredRupiah, activePeople: activePeople)
    }
}
