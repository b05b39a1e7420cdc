import EntasDomain

/// The evaluation of a region and period (`GET /v1/evaluation`): what the clusters did against what they
/// committed, per cluster, programme, strategy and child region, and against the province's targets.
public struct EvaluationReport: Sendable, Hashable, Codable {
    /// The region with its current totals.
    public var region: RegionSummary
    public var period: Period
    public var target: EffectiveTarget
    /// Sangat Miskin households: baseline, now, at the end of the period, against the target.
    public var sangatMiskin: SangatMiskinProgress
    /// SM and M households with an active social-aid enrolment now, against the target share.
    public var socialAidCoverage: CoverageProgress
    /// SM households at the end of each month from the first month with households to the period's last.
    public var trajectory: [TrajectoryMonth]
    /// Every programme together.
    public var total: EvaluationLine
    public var clusters: [EvaluationLine]
    /// One line per cluster and programme that has a commitment or any realisation.
    public var programmes: [EvaluationLine]
    public var strategies: [EvaluationLine]
    /// The region's children with a commitment or any realisation, the furthest behind first (lowest share of
    /// committed households served; children without commitments last).
    public var regions: [EvaluationRegion]

    package init(region: RegionSummary, period: Period, target: EffectiveTarget, sangatMiskin: SangatMiskinProgress, socialAidCoverage: CoverageProgress, trajectory: [TrajectoryMonth], total: EvaluationLine, clusters: [EvaluationLine], programmes: [EvaluationLine], strategies: [EvaluationLine], regions: [EvaluationRegion]) {
        self.region = region
        self.period = period
        self.target = target
        self.sangatMiskin = sangatMiskin
        self.socialAidCoverage = socialAidCoverage
        self.trajectory = trajectory
        self.total = total
        self.clusters = clusters
        self.programmes = programmes
        self.strategies = strategies
        self.regions = regions
    }
}

/// Commitment, realisation and the share achieved, for a programme or a group of them.
public struct EvaluationLine: Sendable, Hashable, Codable {
    public var cluster: Cluster?
    public var programme: String?
    public var strategy: Strategy?
    public var committed: CommittedFigures
    public var realised: Realisation
    public var achieved: Achievement

    package init(cluster: Cluster? = nil, programme: String? = nil, strategy: Strategy? = nil, committed: CommittedFigures, realised: Realisation, achieved: Achievement) {
        self.cluster = cluster
        self.programme = programme
        self.strategy = strategy
        self.committed = committed
        self.realised = realised
        self.achieved = achieved
    }
}

/// What was done in the period: enrolments started in it, households enrolled at some time in it, deliveries
/// counted towards it and their rupiah, and households graduated in it.
public struct Realisation: Sendable, Hashable, Codable {
    public var enrolmentsStarted = 0
    public var householdsServed = 0
    /// Jiwa served: the people of the households served (the member alone for a programme of one person, such
    /// as PIP), each household's people as it counts them now.
    public var peopleServed = 0
    public var deliveries = 0
    public var deliveredRupiah: Int64 = 0
    /// Graduations from the programme in the period: households its cluster graduated while enrolled in it (the
    /// enrolment started on or before the graduation and had not ended before the period), each once per
    /// programme; a group of programmes adds its programmes' up, as it does every other figure.
    public var graduations = 0
    /// Households graduated in the period, each once, whatever they were enrolled in: by the cluster on a
    /// cluster's line, by any cluster on the total and a region's line (where the household lives now); nil on a
    /// programme's and a strategy's line.
    public var graduatedHouseholds: Int?

    public init(
        enrolmentsStarted: Int = 0, householdsServed: Int = 0, deliveries: Int = 0, deliveredRupiah: Int64 = 0, graduations: Int = 0,
        graduatedHouseholds: Int? = nil, peopleServed: Int = 0
    ) {
        self.enrolmentsStarted = enrolmentsStarted
        self.householdsServed = householdsServed
        self.peopleServed = peopleServed
        self.deliveries = deliveries
        self.deliveredRupiah = deliveredRupiah
        self.graduations = graduations
        self.graduatedHouseholds = graduatedHouseholds
    }

    /// The programme figures added up (`graduatedHouseholds`, not a sum, is left to the caller).
    package static func + (lhs: Realisation, rhs: Realisation) -> Realisation {
        Realisation(
            enrolmentsStarted: lhs.enrolmentsStarted + rhs.enrolmentsStarted, householdsServed: lhs.householdsServed + rhs.householdsServed,
            deliveries: lhs.deliveries + rhs.deliveries, deliveredRupiah: lhs.deliveredRupiah + rhs.deliveredRupiah,
            graduations: lhs.graduations + rhs.graduations, peopleServed: lhs.peopleServed + rhs.peopleServed)
    }
}

/// Percent of the commitment achieved, to one decimal; nil where nothing was committed. Enrolments started
/// and households served are set against the committed households, deliveries against the committed
/// deliveries, rupiah against the budget, graduations against the committed graduations. A group of
/// programmes counts the realisation of its programmes with a commitment for that figure only.
public struct Achievement: Sendable, Hashable, Codable {
    public var enrolmentsStarted: Double?
    public var householdsServed: Double?
    public var deliveries: Double?
    public var deliveredRupiah: Double?
    public var graduations: Double?

    package init(enrolmentsStarted: Double? = nil, householdsServed: Double? = nil, deliveries: Double? = nil, deliveredRupiah: Double? = nil, graduations: Double? = nil) {
        self.enrolmentsStarted = enrolmentsStarted
        self.householdsServed = householdsServed
        self.deliveries = deliveries
        self.deliveredRupiah = deliveredRupiah
        self.graduations = graduations
    }
}

/// Sangat Miskin households now against the target.
public struct SangatMiskinProgress: Sendable, Hashable, Codable {
    /// At baseline (PPLS 2008, else the first assessment).
    public var baseline: Int
    /// Now (consensus).
    public var now: Int
    /// At the end of the period's last month, as the trajectory has it.
    public var atPeriodEnd: Int
    /// The target for the period's year, if one applies.
    public var target: Int?
    /// Baseline minus the target: the reduction the target asks for.
    public var reductionNeeded: Int?
    /// Baseline minus now (negative when there are more SM households now than at baseline).
    public var reduced: Int
    /// `reduced` as a percent of `reductionNeeded`, to one decimal.
    public var achievedPercent: Double?
    /// True when the count now is at or below the target.
    public var targetMet: Bool?

    package init(baseline: Int, now: Int, atPeriodEnd: Int, target: Int? = nil, reductionNeeded: Int? = nil, reduced: Int, achievedPercent: Double? = nil, targetMet: Bool? = nil) {
        self.baseline = baseline
        self.now = now
        self.atPeriodEnd = atPeriodEnd
        self.target = target
        self.reductionNeeded = reductionNeeded
        self.reduced = reduced
        self.achievedPercent = achievedPercent
        self.targetMet = targetMet
    }
}

/// SM and M households covered by social aid now, against the target share.
public struct CoverageProgress: Sendable, Hashable, Codable {
    public var households: Int
    public var covered: Int
    public var percent: Double?
    public var targetPercent: Int?
    public var targetMet: Bool?

    package init(households: Int, covered: Int, percent: Double? = nil, targetPercent: Int? = nil, targetMet: Bool? = nil) {
        self.households = households
        self.covered = covered
        self.percent = percent
        self.targetPercent = targetPercent
        self.targetMet = targetMet
    }
}

/// SM households at the end of one month.
public struct TrajectoryMonth: Sendable, Hashable, Codable {
    public var month: CalendarMonth
    public var sangatMiskin: Int

    package init(month: CalendarMonth, sangatMiskin: Int) {
        self.month = month
        self.sangatMiskin = sangatMiskin
    }
}

/// One child region of the evaluation.
public struct EvaluationRegion: Sendable, Hashable, Codable {
    public var code: RegionCode
    public var name: String
    public var committed: CommittedFigures
    public var realised: Realisation
    public var achieved: Achievement
    public var baselineSangatMiskin: Int
    public var sangatMiskin: Int

    package init(code: RegionCode, name: String, committed: CommittedFigures, realised: Realisation, achieved: Achievement, baselineSangatMiskin: Int, sangatMiskin: Int) {
        self.code = code
        self.name = name
        self.committed = committed
        self.realised = realised
        self.achieved = achieved
        self.baselineSangatMiskin = baselineSangatMiskin
        self.sangatMiskin = sangatMiskin
    }
}

extension Achievement {
    /// The shares of `lines` (programmes) together: each figure counts the realisation of the programmes with
    /// a commitment for it, against the sum of the commitments.
    package init(programmes lines: [(committed: CommittedFigures, realised: Realisation)]) {
        func share(_ committed: (CommittedFigures) -> Int64, _ realised: (Realisation) -> Int64) -> Double? {
            let whole = lines.reduce(Int64(0)) { $0 + committed($1.committed) }
            let part = lines.filter { committed($0.committed) > 0 }.reduce(Int64(0)) { $0 + realised($1.realised) }
            return Self.percent(part, of: whole)
        }
        self.init(
            enrolmentsStarted: share({ Int64($0.households) }, { Int64($0.enrolmentsStarted) }),
            householdsServed: share({ Int64($0.households) }, { Int64($0.householdsServed) }),
            deliveries: share({ Int64($0.deliveries) }, { Int64($0.deliveries) }),
            deliveredRupiah: share({ $0.budgetRupiah }, { $0.deliveredRupiah }),
            graduations: share({ Int64($0.graduations) }, { Int64($0.graduations) }))
    }


    /// `part` as a percent of `whole`, to one decimal; nil when `whole` is not above 0.
    package static func percent(_ part: Int64, of whole: Int64) -> Double? {
        guard whole > 0 else { return nil }
        return (Double(part) * 1000 / Double(whole)).rounded() / 10
    }
}
