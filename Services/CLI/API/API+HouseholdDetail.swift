import EntasDomain
import Foundation

extension API {
    /// `GET /v1/households/{kk}`: what the coordinator knows of one household. No name, NIK or full KK.
    struct HouseholdDetail: Sendable, Hashable, Codable {
        var key: String
        var maskedKK: String
        var desa: RegionName
        var kecamatan: RegionName
        var kabupaten: RegionName
        var baselineStatus: PovertyStatus?
        /// `registration` or `assessment`.
        var baselineSource: String?
        var consensusStatus: PovertyStatus?
        var hasConflict: Bool
        var isGap: Bool
        var uncovered: Bool
        var coveredBy: [Cluster]
        var registeredAt: Date?
        var registeredBy: Cluster?
        var updatedAt: Date
        var assessments: [ClusterStatus]
        var enrolments: [Enrolment]
        var referrals: [Referral]
        var deliveries: [Delivery]
        var history: [HistoryEntry]

        struct RegionName: Sendable, Hashable, Codable {
            var code: RegionCode
            var name: String
        }

        struct Enrolment: Sendable, Hashable, Codable {
            var enrolmentID: UUID
            var cluster: Cluster
            var programme: String
            var strategy: Strategy?
            var desaCode: RegionCode
            var startedOn: CalendarDate?
            var endedOn: CalendarDate?
            var isActive: Bool
        }

        struct Referral: Sendable, Hashable, Codable {
            var referralID: UUID
            var fromCluster: Cluster
            var toCluster: Cluster
            var reason: String?
            var madeOn: CalendarDate?
            var outcome: ReferralOutcome?
            var note: String?
            var answeredOn: CalendarDate?
        }

        struct Delivery: Sendable, Hashable, Codable {
            var deliveryID: UUID
            var enrolmentID: UUID
            var cluster: Cluster
            var programme: String
            var strategy: Strategy
            var amountRupiah: Int64?
            var inKindQuantity: Double?
            var inKindUnit: String?
            var period: Period
            var deliveredOn: CalendarDate
        }

        struct HistoryEntry: Sendable, Hashable, Codable {
            var eventId: UUID
            var ceType: String
            var cluster: Cluster
            var effectiveDate: CalendarDate
            var eventTime: Date
            var summary: String
        }
    }
}
