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
    /// The open verification case, or the verification in force; nil with neither.
    public var verification: CaseSummary?
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

        package init(code: RegionCode, name: String) {
            self.code = code
            self.name = name
        }
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

        package init(enrolmentID: UUID, cluster: Cluster, programme: String, strategy: Strategy? = nil, desaCode: RegionCode, startedOn: CalendarDate? = nil, endedOn: CalendarDate? = nil, isActive: Bool) {
            self.enrolmentID = enrolmentID
            self.cluster = cluster
            self.programme = programme
            self.strategy = strategy
            self.desaCode = desaCode
            self.startedOn = startedOn
            self.endedOn = endedOn
            self.isActive = isActive
        }
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

        package init(referralID: UUID, fromCluster: Cluster, toCluster: Cluster, reason: String? = nil, madeOn: CalendarDate? = nil, outcome: ReferralOutcome? = nil, note: String? = nil, answeredOn: CalendarDate? = nil) {
            self.referralID = referralID
            self.fromCluster = fromCluster
            self.toCluster = toCluster
            self.reason = reason
            self.madeOn = madeOn
            self.outcome = outcome
            self.note = note
            self.answeredOn = answeredOn
        }
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

        package init(deliveryID: UUID, enrolmentID: UUID, cluster: Cluster, programme: String, strategy: Strategy, amountRupiah: Int64? = nil, inKindQuantity: Double? = nil, inKindUnit: String? = nil, period: Period, deliveredOn: CalendarDate) {
            self.deliveryID = deliveryID
            self.enrolmentID = enrolmentID
            self.cluster = cluster
            self.programme = programme
            self.strategy = strategy
            self.amountRupiah = amountRupiah
            self.inKindQuantity = inKindQuantity
            self.inKindUnit = inKindUnit
            self.period = period
            self.deliveredOn = deliveredOn
        }
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

        package init(eventId: UUID, ceType: String, cluster: Cluster, effectiveDate: CalendarDate, eventTime: Date, summary: String) {
            self.eventId = eventId
            self.ceType = ceType
            self.cluster = cluster
            self.effectiveDate = effectiveDate
            self.eventTime = eventTime
            self.summary = summary
        }
    }

    package init(key: HouseholdKey, maskedKK: String, desa: RegionName, kecamatan: RegionName, kabupaten: RegionName, baselineStatus: PovertyStatus? = nil, baselineSource: BaselineSource? = nil, consensusStatus: PovertyStatus? = nil, hasConflict: Bool, isGap: Bool, uncovered: Bool, coveredBy: [Cluster], registeredAt: Date? = nil, registeredBy: Cluster? = nil, updatedAt: Date, assessments: [ClusterStatus], verification: CaseSummary? = nil, enrolments: [Enrolment], referrals: [Referral], deliveries: [Delivery], history: [HistoryEntry]) {
        self.key = key
        self.maskedKK = maskedKK
        self.desa = desa
        self.kecamatan = kecamatan
        self.kabupaten = kabupaten
        self.baselineStatus = baselineStatus
        self.baselineSource = baselineSource
        self.consensusStatus = consensusStatus
        self.hasConflict = hasConflict
        self.isGap = isGap
        self.uncovered = uncovered
        self.coveredBy = coveredBy
        self.registeredAt = registeredAt
        self.registeredBy = registeredBy
        self.updatedAt = updatedAt
        self.assessments = assessments
        self.verification = verification
        self.enrolments = enrolments
        self.referrals = referrals
        self.deliveries = deliveries
        self.history = history
    }
}
