import EntasService
import EntasDomain
import Foundation
import EntasStore
import GRDB

/// One revision of a cluster's commitment (`commitmentRevision`), as this service stored and published it.
///
/// A commitment is what the cluster promised for one region, period and programme; it has one
/// `commitmentID` for life. Committing again for the same region, period and programme adds a revision
/// with the next number and the same id, published as another `commitment.made`: the latest revision is the
/// commitment, the earlier ones stay as its history.
public struct CommitmentRevision: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, LowercaseUUIDRecord {
    public static let databaseTableName = "commitmentRevision"

    public var commitmentID: UUID
    /// 1 for the original, 2 for the first revision, …
    public var revision: Int
    /// The `ce_id` of the `commitment.made` event that published it.
    public var eventId: UUID
    public var regionCode: RegionCode
    public var period: Period
    public var programme: String
    public var strategy: Strategy
    public var households: Int
    public var deliveries: Int
    public var budgetRupiah: Int64
    /// Households expected to graduate; nil when not promised.
    public var graduations: Int?
    public var madeOn: CalendarDate
    /// The holder of the token that made it (`dinsos-jember`), for the history.
    public var recordedBy: String
    public var recordedAt: Date

    public enum Columns {
        public static let commitmentID = Column(CodingKeys.commitmentID)
        public static let revision = Column(CodingKeys.revision)
        public static let regionCode = Column(CodingKeys.regionCode)
        public static let period = Column(CodingKeys.period)
        public static let programme = Column(CodingKeys.programme)
    }
}

/// A commitment as it stands (its latest revision) with the earlier revisions, oldest first.
public struct CommitmentSummary: Codable, Sendable, Equatable {
    public var commitmentID: UUID
    public var cluster: Cluster
    public var regionCode: RegionCode
    public var period: Period
    public var programme: String
    public var strategy: Strategy
    public var households: Int
    public var deliveries: Int
    public var budgetRupiah: Int64
    public var graduations: Int?
    public var madeOn: CalendarDate
    /// The number of the current revision (1 when never revised).
    public var revision: Int
    public var earlierRevisions: [Earlier]

    /// What an earlier revision promised, and who made it when.
    public struct Earlier: Codable, Sendable, Equatable {
        public var revision: Int
        public var households: Int
        public var deliveries: Int
        public var budgetRupiah: Int64
        public var graduations: Int?
        public var madeOn: CalendarDate
        public var recordedBy: String
    }

    /// The summary of one commitment's revisions; nil when there are none.
    init?(cluster: Cluster, revisions: [CommitmentRevision]) {
        let ordered = revisions.sorted { $0.revision < $1.revision }
        guard let current = ordered.last else { return nil }
        commitmentID = current.commitmentID
        self.cluster = cluster
        regionCode = current.regionCode
        period = current.period
        programme = current.programme
        strategy = current.strategy
        households = current.households
        deliveries = current.deliveries
        budgetRupiah = current.budgetRupiah
        graduations = current.graduations
        madeOn = current.madeOn
        revision = current.revision
        earlierRevisions = ordered.dropLast().map {
            Earlier(
                revision: $0.revision, households: $0.households, deliveries: $0.deliveries, budgetRupiah: $0.budgetRupiah,
                graduations: $0.graduations, madeOn: $0.madeOn, recordedBy: $0.recordedBy)
        }
    }
}
