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
    }
}
