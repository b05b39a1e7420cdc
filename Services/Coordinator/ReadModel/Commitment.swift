import EntasAPI
import EntasDomain
import EntasStore
import GRDB

/// One `commitment.made` event (`commitment`): a cluster's promise for a region and period, per programme
/// and strategy. Events with the same `commitmentID` are revisions of one commitment; all are kept, and the
/// current one is the latest by `madeOn`, then `ce_time`, then event id.
struct Commitment: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "commitment"

    /// The event's `ce_id`, lowercase.
    var eventId: String
    /// The commitment's lowercase UUID.
    var commitmentID: String
    var cluster: Cluster
    var regionCode: RegionCode
    var period: Period
    /// The period's first and last day, so a query can select the periods inside another.
    var periodStart: CalendarDate
    var periodEnd: CalendarDate
    var programme: String
    var strategy: Strategy
    var households: Int
    var deliveries: Int
    var budgetRupiah: Int64
    /// Households expected to graduate; nil when not promised.
    var graduations: Int?
    var madeOn: CalendarDate
    var eventTime: Timestamp

    enum Columns {
        static let eventId = Column(CodingKeys.eventId)
        static let commitmentID = Column(CodingKeys.commitmentID)
        static let regionCode = Column(CodingKeys.regionCode)
        static let periodStart = Column(CodingKeys.periodStart)
        static let periodEnd = Column(CodingKeys.periodEnd)
    }

    var order: FactOrder { FactOrder(day: madeOn, time: eventTime, eventId: eventId) }
}
