import EntasDomain
import Foundation

/// A cluster's commitment (komitmen) as last revised, with its earlier revisions.
public struct CommitmentView: Sendable, Hashable, Codable {
    public var commitmentID: UUID
    public var cluster: Cluster
    public var regionCode: RegionCode
    public var regionName: String
    public var period: Period
    public var programme: String
    public var strategy: Strategy
    public var households: Int
    public var deliveries: Int
    public var budgetRupiah: Int64
    /// Households expected to graduate in the period; nil when the commitment promises none.
    public var graduations: Int?
    public var madeOn: CalendarDate
    /// 1 for the original, 2 after one revision, …
    public var revision: Int
    /// The earlier revisions, oldest first.
    public var earlierRevisions: [Revision]

    /// What an earlier revision promised.
    public struct Revision: Sendable, Hashable, Codable {
        public var regionCode: RegionCode
        public var period: Period
        public var households: Int
        public var deliveries: Int
        public var budgetRupiah: Int64
        public var graduations: Int?
        public var madeOn: CalendarDate

        package init(regionCode: RegionCode, period: Period, households: Int, deliveries: Int, budgetRupiah: Int64, graduations: Int? = nil, madeOn: CalendarDate) {
            self.regionCode = regionCode
            self.period = period
            self.households = households
            self.deliveries = deliveries
            self.budgetRupiah = budgetRupiah
            self.graduations = graduations
            self.madeOn = madeOn
        }
    }

    package init(commitmentID: UUID, cluster: Cluster, regionCode: RegionCode, regionName: String, period: Period, programme: String, strategy: Strategy, households: Int, deliveries: Int, budgetRupiah: Int64, graduations: Int? = nil, madeOn: CalendarDate, revision: Int, earlierRevisions: [Revision]) {
        self.commitmentID = commitmentID
        self.cluster = cluster
        self.regionCode = regionCode
        self.regionName = regionName
        self.period = period
        self.programme = programme
        self.strategy = strategy
        self.households = households
        self.deliveries = deliveries
        self.budgetRupiah = budgetRupiah
        self.graduations = graduations
        self.madeOn = madeOn
        self.revision = revision
        self.earlierRevisions = earlierRevisions
    }
}
