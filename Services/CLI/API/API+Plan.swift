import EntasDomain
import Foundation

extension API {
    /// A commitment as it stands (the coordinator's `CommitmentView`).
    struct Commitment: Sendable, Hashable, Codable {
        var commitmentID: UUID
        var cluster: Cluster
        var regionCode: RegionCode
        var regionName: String
        var period: Period
        var programme: String
        var strategy: Strategy
        var households: Int
        var deliveries: Int
        var budgetRupiah: Int64
        var graduations: Int?
        var madeOn: CalendarDate
        var revision: Int
    }

    /// The targets that apply to a region in a year.
    struct EffectiveTarget: Sendable, Hashable, Codable {
        var year: Int
        var smRemaining: Int?
        var smRemainingFrom: RegionCode?
        var socialAidCoverage: Int?
        var socialAidCoverageFrom: RegionCode?
    }

    struct CommittedFigures: Sendable, Hashable, Codable {
        var households: Int
        var deliveries: Int
        var budgetRupiah: Int64
        /// Absent from a coordinator older than graduation commitments.
        var graduations: Int?
    }

    /// `GET /v1/plan`.
    struct PlanReport: Sendable, Hashable, Codable {
        var region: RegionSummary
        var period: Period
        var target: EffectiveTarget
        var need: PlanNeed
        var commitments: [Commitment]
        var clusters: [PlanLine]
        var strategies: [PlanLine]
        var shortfall: PlanShortfall
        var socialAidCoverage: PlanCoverage?
        var regions: [PlanRegion]
    }

    struct PlanNeed: Sendable, Hashable, Codable {
        var sangatMiskin: Int
        var miskin: Int
        var hampirMiskin: Int
        var baselineSangatMiskin: Int
        var gaps: Int
    }

    struct PlanLine: Sendable, Hashable, Codable {
        var cluster: Cluster?
        var strategy: Strategy?
        var committed: CommittedFigures
        var coveredSangatMiskin: Int
        var shortSangatMiskin: Int
    }

    struct PlanShortfall: Sendable, Hashable, Codable {
        var need: Int
        var covered: Int
        var short: Int
    }

    struct PlanCoverage: Sendable, Hashable, Codable {
        var targetPercent: Int
        var households: Int
        var required: Int
        var committed: Int
        var coveredNow: Int
        var short: Int
    }

    struct PlanRegion: Sendable, Hashable, Codable {
        var code: RegionCode
        var name: String
        var sangatMiskin: Int
        var covered: Int
        var short: Int
    }
}
