import EntasDomain

/// The shares that shape the demo's programme cycle. ``standard`` is what `entas dev` loads; every figure
/// is an illustrative choice, not a statistic.
public struct DemoRates: Sendable, Hashable {
    /// How a baseline status's households develop by 2025–2026.
    public struct Trajectories: Sendable, Hashable {
        /// Left without any enrolment on purpose (SM only), so the coordinator shows gaps.
        public var gap: Double
        /// Graduate in 2026 from every cluster that assessed or enrolled them.
        public var graduating: Double
        /// Assessed one band better (SM→M, M→HM, HM→not poor).
        public var improved: Double
        /// Assessed one band worse (M→SM, HM→M).
        public var worsened: Double
    }

    /// Per cluster, the share of households it assesses: social aid, empowerment, UMKM, low cost.
    public var assessed: [Double] = [0.55, 0.20, 0.15, 0.12]
    /// Share of households two clusters assess with different statuses (the rest agree).
    public var conflict = 0.07
    /// SM households' trajectories.
    public var sangatMiskin = Trajectories(gap: 0.08, graduating: 0.01, improved: 0.15, worsened: 0)
    /// M households' trajectories.
    public var miskin = Trajectories(gap: 0, graduating: 0.03, improved: 0.12, worsened: 0.04)
    /// HM households' trajectories.
    public var hampirMiskin = Trajectories(gap: 0, graduating: 0.06, improved: 0.15, worsened: 0.05)
    /// Per programme code, the share of eligible households enrolled, for SM, M and HM as the enrolling
    /// cluster sees them.
    public var uptake: [String: [Double]] = [
        "pkh": [0.80, 0.50, 0], "rastra": [0.85, 0.65, 0.30], "jamkesda": [0.90, 0.70, 0.40],
        "pip": [0.45, 0.30, 0], "shock-relief": [0.04, 0.03, 0.02],
        "ksm": [0, 0.10, 0.08], "village-project": [0.08, 0.08, 0.06], "musrenbang": [0.05, 0.05, 0.04],
        "kur": [0, 0.04, 0.06], "training": [0.03, 0.05, 0.05], "cooperative": [0, 0.03, 0.04],
        "electricity": [0.45, 0.40, 0.30], "clean-water": [0.25, 0.20, 0.12], "rtlh": [0.12, 0.08, 0],
    ]
    /// Share of enrolments with deliveries (periodic programmes get one to three quarters, the others one).
    public var delivered = 0.35
    /// Social aid refers a productive M/HM household (2+ members) it serves to UMKM.
    public var socialAidToEnterprise = 0.06
    /// Social aid refers an SM/M household it serves with a bad house, no electricity or unsafe water to
    /// low-cost programmes.
    public var socialAidToLowCost = 0.05
    /// Empowerment refers a KSM member to UMKM.
    public var empowermentToEnterprise = 0.15
    /// Empowerment refers a gap household to social aid (left unanswered, so the gap stays visible).
    public var gapToSocialAid = 0.30
    /// Share of referrals left unanswered.
    public var unanswered = 0.10
    /// Share of answerable referrals the target accepts when it has a programme the household may join.
    public var accepted = 0.75

    /// The standard figures.
    public static let standard = DemoRates()

    /// Makes the standard figures; change fields to taste.
    public init() {}

    /// The share of households `cluster` assesses.
    public func assessedShare(by cluster: Cluster) -> Double {
        let index = Cluster.allCases.firstIndex(of: cluster) ?? 0
        return index < assessed.count ? assessed[index] : 0
    }

    /// The trajectories of households with `baseline`.
    public func trajectories(for baseline: PovertyStatus) -> Trajectories {
        switch baseline {
        case .sangatMiskin: sangatMiskin
        case .miskin: miskin
        case .hampirMiskin: hampirMiskin
        case .tidakMiskin, .graduated: Trajectories(gap: 0, graduating: 0, improved: 0, worsened: 0)
        }
    }

    /// The share of eligible households seen as `status` that `programme` enrols.
    public func uptake(of programme: String, status: PovertyStatus) -> Double {
        guard let shares = uptake[programme] else { return 0 }
        let index: Int
        switch status {
        case .sangatMiskin: index = 0
        case .miskin: index = 1
        case .hampirMiskin: index = 2
        case .tidakMiskin, .graduated: return 0
        }
        return index < shares.count ? shares[index] : 0
    }
}
