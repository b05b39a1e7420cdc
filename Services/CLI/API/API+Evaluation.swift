import EntasDomain

extension API {
    /// `GET /v1/evaluation`.
    struct EvaluationReport: Sendable, Hashable, Codable {
        var region: RegionSummary
        var period: Period
        var target: EffectiveTarget
        var sangatMiskin: SangatMiskinProgress
        var socialAidCoverage: CoverageProgress
        var trajectory: [TrajectoryMonth]
        var total: EvaluationLine
        var clusters: [EvaluationLine]
        var programmes: [EvaluationLine]
        var strategies: [EvaluationLine]
        var regions: [EvaluationRegion]
    }

    struct EvaluationLine: Sendable, Hashable, Codable {
        var cluster: Cluster?
        var programme: String?
        var strategy: Strategy?
        var committed: CommittedFigures
        var realised: Realisation
        var achieved: Achievement
    }

    struct Realisation: Sendable, Hashable, Codable {
        var enrolmentsStarted: Int
        var householdsServed: Int
        var deliveries: Int
        var deliveredRupiah: Int64
        var graduations: Int?
        /// Absent from a coordinator older than graduation commitments.
        var graduatedHouseholds: Int?
    }

    struct Achievement: Sendable, Hashable, Codable {
        var enrolmentsStarted: Double?
        var householdsServed: Double?
        var deliveries: Double?
        var deliveredRupiah: Double?
        /// Absent from a coordinator older than graduation commitments.
        var graduations: Double?
    }

    struct SangatMiskinProgress: Sendable, Hashable, Codable {
        var baseline: Int
        var now: Int
        var atPeriodEnd: Int
        var target: Int?
        var reductionNeeded: Int?
        var reduced: Int
        var achievedPercent: Double?
        var targetMet: Bool?
    }

    struct CoverageProgress: Sendable, Hashable, Codable {
        var households: Int
        var covered: Int
        var percent: Double?
        var targetPercent: Int?
        var targetMet: Bool?
    }

    struct TrajectoryMonth: Sendable, Hashable, Codable {
        /// `YYYY-MM`.
        var month: String
        var sangatMiskin: Int
    }

    struct EvaluationRegion: Sendable, Hashable, Codable {
        var code: RegionCode
        var name: String
        var committed: CommittedFigures
        var realised: Realisation
        var achieved: Achievement
        var baselineSangatMiskin: Int
        var sangatMiskin: Int
    }
}
