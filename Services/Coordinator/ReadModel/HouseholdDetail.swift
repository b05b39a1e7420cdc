import EntasDomain
import Foundation

/// Everything the coordinator knows about one household: where it lives, its statuses, each cluster's
/// latest assessment, its enrolments, referrals, deliveries and history. No name, NIK or full KK.
public struct HouseholdDetail: Sendable, Hashable, Codable {
    public var key: HouseholdKey
    public var maskedKK: String
    public var desa: RegionName
    public var kecamatan: RegionName
    public var kabupaten: RegionName
    public var baselineStatus: PovertyStatus?
    public var baselineSource: BaselineSource?
    /// Nil while no cluster has assessed it and no registration gave a baseline.
    public var consensusStatus: PovertyStatus?
    public var hasConflict: Bool
    public var isGap: Bool
    /// Consensus SM and no active enrolment in any cluster.
    public var uncovered: Bool
    /// Clusters with an active enrolment.
    public var coveredBy: [Cluster]
    /// Nil until a registration arrives (the household may be known from other events first).
    public var registeredAt: Date?
    public var registeredBy: Cluster?
    /// The latest `ce_time` among its events.
    public var updatedAt: Date
    /// Each cluster's latest status, by cluster.
    public var assessments: [ClusterStatus]
    /// By start (unstarted last), then id.
    public var enrolments: [Enrolment]
    /// By the day made (or answered), then id.
    public var referrals: [Referral]
    /// By day delivered, then id.
    public var deliveries: [Delivery]
    /// Every event about the household, oldest first by effective day, then `ce_time`.
    public var history: [HistoryEntry]

    /// A region's code and name.
    public struct RegionName: Sendable, Hashable, Codable {
        public var code: RegionCode
        public var name: String
    }

    /// An enrolment; active means started and not ended.
    public struct Enrolment: Sendable, Hashable, Codable {
        public var enrolmentID: UUID
        public var cluster: Cluster
        public var programme: String
        /// Nil until the start arrives.
        public var strategy: Strategy?
        public var desaCode: RegionCode
        public var startedOn: CalendarDate?
        public var endedOn: CalendarDate?
        public var isActive: Bool
    }

    /// A referral and its answer, either of which may be missing while in transit.
    public struct Referral: Sendable, Hashable, Codable {
        public var referralID: UUID
        public var fromCluster: Cluster
        public var toCluster: Cluster
        public var reason: String?
        public var madeOn: CalendarDate?
        public var outcome: ReferralOutcome?
        public var note: String?
        public var answeredOn: CalendarDate?
    }

    /// A benefit delivery.
    public struct Delivery: Sendable, Hashable, Codable {
        public var deliveryID: UUID
        public var enrolmentID: UUID
        public var cluster: Cluster
        public var programme: String
        public var strategy: Strategy
        public var amountRupiah: Int64?
        public var inKindQuantity: Double?
        public var inKindUnit: String?
        public var period: Period
        public var deliveredOn: CalendarDate
    }

    /// One event of the household's history.
    public struct HistoryEntry: Sendable, Hashable, Codable {
        public var eventId: UUID
        /// `id.go.jatim.entas.household.assessed.v1`, …
        public var ceType: String
        public var cluster: Cluster
        /// The day the fact is dated (`assessedOn`, `startedOn`, …; the Jakarta day of a registration).
        public var effectiveDate: CalendarDate
        public var eventTime: Date
        /// What happened, from coded fields only.
        public var summary: String
    }
}
