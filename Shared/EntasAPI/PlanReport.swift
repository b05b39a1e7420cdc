import EntasDomain

/// The plan for a region and period (`GET /v1/plan`), derived from the consensus and the clusters'
/// commitments: who is in need, what each cluster committed, and how many households no commitment covers.
public struct PlanReport: Sendable, Hashable, Codable {
    /// The region with its current totals (households by consensus status, baseline, coverage, gaps).
    public var region: RegionSummary
    public var period: Period
    /// The targets for the period's year (own or inherited).
    public var target: EffectiveTarget
    /// Households in need now, by consensus status, and the gaps.
    public var need: PlanNeed
    /// Every commitment as it stands for the region and the regions inside it, overlapping the period.
    public var commitments: [CommitmentView]
    /// What each cluster committed, with the SM households it covers and leaves short.
    public var clusters: [PlanLine]
    /// The same per strategy.
    public var strategies: [PlanLine]
    /// All clusters together: the SM households no commitment covers.
    public var shortfall: PlanShortfall
    /// Social aid's commitments against the coverage target for SM and M households; nil without a target.
    public var socialAidCoverage: PlanCoverage?
    /// The region's children (none for a desa) with households in need or commitments, largest shortfall first.
    public var regions: [PlanRegion]

    package init(region: RegionSummary, period: Period, target: EffectiveTarget, need: PlanNeed, commitments: [CommitmentView], clusters: [PlanLine], strategies: [PlanLine], shortfall: PlanShortfall, socialAidCoverage: PlanCoverage? = nil, regions: [PlanRegion]) {
        self.region = region
        self.period = period
        self.target = target
        self.need = need
        self.commitments = commitments
        self.clusters = clusters
        self.strategies = strategies
        self.shortfall = shortfall
        self.socialAidCoverage = socialAidCoverage
        self.regions = regions
    }
}

/// Households in need by consensus status, and the gaps (SM or M without social aid).
public struct PlanNeed: Sendable, Hashable, Codable {
    public var sangatMiskin: Int
    public var miskin: Int
    public var hampirMiskin: Int
    public var baselineSangatMiskin: Int
    public var gaps: Int

    package init(sangatMiskin: Int, miskin: Int, hampirMiskin: Int, baselineSangatMiskin: Int, gaps: Int) {
        self.sangatMiskin = sangatMiskin
        self.miskin = miskin
        self.hampirMiskin = hampirMiskin
        self.baselineSangatMiskin = baselineSangatMiskin
        self.gaps = gaps
    }
}

/// One cluster's or strategy's commitments: the places promised (each programme's households, added up),
/// deliveries and rupiah, and the SM households those commitments can cover.
public struct PlanLine: Sendable, Hashable, Codable {
    public var cluster: Cluster?
    public var strategy: Strategy?
    /// Each programme's households added up (a household in two programmes counts twice).
    public var committed: CommittedFigures
    /// SM households covered: the largest promise per region, rolled up and capped by each region's SM.
    public var coveredSangatMiskin: Int
    /// SM households left: need minus covered.
    public var shortSangatMiskin: Int

    package init(cluster: Cluster? = nil, strategy: Strategy? = nil, committed: CommittedFigures, coveredSangatMiskin: Int, shortSangatMiskin: Int) {
        self.cluster = cluster
        self.strategy = strategy
        self.committed = committed
        self.coveredSangatMiskin = coveredSangatMiskin
        self.shortSangatMiskin = shortSangatMiskin
    }
}

/// SM households in need, covered by some commitment, and short.
public struct PlanShortfall: Sendable, Hashable, Codable {
    public var need: Int
    public var covered: Int
    public var short: Int

    package init(need: Int, covered: Int, short: Int) {
        self.need = need
        self.covered = covered
        self.short = short
    }
}

/// Social aid's commitments against the target share of SM and M households it must cover.
public struct PlanCoverage: Sendable, Hashable, Codable {
    /// The target, in percent.
    public var targetPercent: Int
    /// SM and M households now.
    public var households: Int
    /// The households the target asks social aid to cover (rounded up).
    public var required: Int
    /// Households social aid committed, rolled up and capped by each region's SM and M.
    public var committed: Int
    /// Households covered now (SM and M with an active social-aid enrolment).
    public var coveredNow: Int
    public var short: Int

    package init(targetPercent: Int, households: Int, required: Int, committed: Int, coveredNow: Int, short: Int) {
        self.targetPercent = targetPercent
        self.households = households
        self.required = required
        self.committed = committed
        self.coveredNow = coveredNow
        self.short = short
    }
}

/// One child region of the plan.
public struct PlanRegion: Sendable, Hashable, Codable {
    public var code: RegionCode
    public var name: String
    public var sangatMiskin: Int
    public var covered: Int
    public var short: Int

    package init(code: RegionCode, name: String, sangatMiskin: Int, covered: Int, short: Int) {
        self.code = code
        self.name = name
        self.sangatMiskin = sangatMiskin
        self.covered = covered
        self.short = short
    }
}
