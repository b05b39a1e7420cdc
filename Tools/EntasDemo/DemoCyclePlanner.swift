import EntasDomain

/// Plans the programme cycle for one household at a time, from a random stream of its own (derived from the
/// seed and the household's ordinal), so plans can be made in any order and streamed.
public struct DemoCyclePlanner: Sendable {
    /// The shares the plan follows.
    public let rates: DemoRates
    /// The demo's seed (the households' seed).
    public let seed: UInt64

    /// A planner for the households of `seed`.
    public init(seed: UInt64, rates: DemoRates = .standard) {
        self.seed = seed
        self.rates = rates
    }

    /// What the clusters do for `household`, phase by phase.
    public func plan(for household: DemoHousehold) -> DemoHouseholdActions {
        var draft = DemoCycleDraft(household: household, rates: rates, seed: seed)
        draft.assess()
        draft.enrol()
        draft.deliver()
        draft.refer()
        draft.graduate()
        return draft.result
    }
}

/// One household's plan while it is being made.
struct DemoCycleDraft {
    let household: DemoHousehold
    let rates: DemoRates
    /// The household's registered criteria, as the rules see them.
    let criteria: Set<PovertyCriterion>
    var generator: SplitMix64
    var result: DemoHouseholdActions

    /// What assessors call a household's team: social aid's TKSK, the desa facilitator, the UMKM mentor,
    /// the low-cost programmes' surveyor.
    static func assessorPrefix(_ cluster: Cluster) -> String {
        switch cluster {
        case .socialAid: "tksk"
        case .communityEmpowerment: "fasdes"
        case .enterprise: "pendamping-umkm"
        case .lowCost: "surveyor-murah"
        }
    }

    init(household: DemoHousehold, rates: DemoRates, seed: UInt64) {
        self.household = household
        self.rates = rates
        criteria = Set(household.criteriaMet)
        generator = DemoMix.generator(seed, .cycle, UInt64(household.ordinal))
        let trajectory = DemoTrajectory.draw(for: household.baselineStatus, rates: rates, using: &generator)
        result = DemoHouseholdActions(kkNumber: household.kkNumber, trajectory: trajectory)
    }

    /// The status `cluster` sees: its own assessment, else the baseline (as the services' rules do).
    func seen(by cluster: Cluster) -> PovertyStatus {
        result.assessments.first { $0.cluster == cluster }?.status ?? household.baselineStatus
    }

    /// What a rule of `cluster`'s programmes looks at.
    func facts(seenBy cluster: Cluster, on date: CalendarDate = DemoHousehold.enrolmentReference, member: HouseholdMember? = nil) -> HouseholdFacts {
        household.facts(status: seen(by: cluster), on: date, member: member)
    }

    /// True when the household is already enrolled in `programme` (ordinarily or after a referral).
    func isEnrolled(in programme: String) -> Bool {
        result.enrolments.contains { $0.programme == programme }
            || result.followUpEnrolments.contains { $0.programme == programme }
    }

    /// Assessments: each cluster assesses with its own share. A conflict household (not a graduating one)
    /// gets at least two assessors, social aid among them, and one of the others states a neighbouring
    /// status; everyone else states the trajectory's status. Criteria follow the stated status's band.
    mutating func assess() {
        var assessors = Cluster.allCases.filter { generator.chance(rates.assessedShare(by: $0)) }
        let conflict = result.trajectory != .graduating && generator.chance(rates.conflict)
        var dissenter: Cluster?
        if conflict {
            if !assessors.contains(.socialAid) { assessors.insert(.socialAid, at: 0) }
            if assessors.count < 2, let other = generator.element(of: Cluster.allCases.filter({ !assessors.contains($0) })) {
                assessors.append(other)
            }
            assessors = Cluster.allCases.filter(assessors.contains)
            let others = assessors.filter { $0 != .socialAid }
            dissenter = generator.element(of: others)
        }
        let agreed = result.trajectory.status(from: household.baselineStatus)
        for cluster in assessors {
            let status = cluster == dissenter ? dissent(from: agreed) : agreed
            let criteria = DemoCriteria.adjusted(household.criteriaMet, to: status, using: &generator)
            let team = DemoDigits.padded(1 + generator.next(below: 8), 2)
            result.assessments.append(
                DemoAssessment(
                    kkNumber: household.kkNumber, cluster: cluster, status: status, criteriaMet: criteria,
                    assessedOn: DemoCalendar.draw(DemoCalendar.assessments, using: &generator),
                    assessor: "\(Self.assessorPrefix(cluster))-\(household.kecamatanCode.digits)-\(team)"))
        }
        result.hasConflict = Set(result.assessments.map(\.status)).count > 1
    }

    /// A status one band away from `status`: SM→M, M→SM or HM, HM→M or not poor, not poor→HM.
    mutating func dissent(from status: PovertyStatus) -> PovertyStatus {
        switch status {
        case .sangatMiskin: .miskin
        case .miskin: generator.chance(0.5) ? .sangatMiskin : .hampirMiskin
        case .hampirMiskin: generator.chance(0.5) ? .miskin : .tidakMiskin
        case .tidakMiskin, .graduated: .hampirMiskin
        }
    }
}
