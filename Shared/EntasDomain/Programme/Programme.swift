/// A programme a cluster runs, the strategy it serves, and who may be enrolled.
///
/// Example: `/// PKH: Program Keluarga Harapan`, conditional cash transfers of social aid,
/// serving `socialProtection`, for Sangat Miskin and Miskin households.
public struct Programme: Sendable, Identifiable {
    /// Stable code used in events and the API, e.g. `pkh`, `rastra`, `kur`, `rtlh`.
    public var code: String
    public var name: String
    public var indonesianName: String
    public var cluster: Cluster
    public var strategy: Strategy
    /// What is delivered: `rupiah`, or a unit in kind (`kg`, `connection`, `house`, `session`).
    public var deliveryUnit: String
    public var eligibility: EligibilityRule
    /// True for a programme that enrols one member, by NIK (PIP: the pupil), rather than the household.
    public var enrolsMember: Bool

    public var id: String { code }

    public init(
        code: String, name: String, indonesianName: String, cluster: Cluster, strategy: Strategy,
        deliveryUnit: String, eligibility: EligibilityRule, enrolsMember: Bool = false
    ) {
        self.enrolsMember = enrolsMember
        self.code = code
        self.name = name
        self.indonesianName = indonesianName
        self.cluster = cluster
        self.strategy = strategy
        self.deliveryUnit = deliveryUnit
        self.eligibility = eligibility
    }
}

/// What a programme's eligibility rule may look at.
public struct HouseholdFacts: Sendable {
    /// The enrolling cluster's own latest assessment, else the baseline (PPLS 2008).
    public var status: PovertyStatus?
    public var memberCount: Int
    public var criteriaMet: Set<PovertyCriterion>
    /// The members recorded (empty when the list is not recorded).
    public var members: [HouseholdMember]
    /// The member to enrol, for a programme that enrols one (``Programme/enrolsMember``).
    public var member: HouseholdMember?
    /// The day the enrolment starts: ages are taken on it.
    public var date: CalendarDate

    public init(
        status: PovertyStatus?, memberCount: Int, criteriaMet: Set<PovertyCriterion>, members: [HouseholdMember] = [],
        member: HouseholdMember? = nil, date: CalendarDate = .today()
    ) {
        self.status = status
        self.memberCount = memberCount
        self.criteriaMet = criteriaMet
        self.members = members
        self.member = member
        self.date = date
    }
}

/// A programme's eligibility rule: a plain-language summary and the check. The check
/// returns nil when the household is eligible, else the reason for refusing.
public struct EligibilityRule: Sendable {
    public var summary: String
    private let check: @Sendable (HouseholdFacts) -> String?

    public init(summary: String, check: @escaping @Sendable (HouseholdFacts) -> String?) {
        self.summary = summary
        self.check = check
    }

    public func refusal(for facts: HouseholdFacts) -> String? { check(facts) }

    /// Eligible when the household's status is one of `statuses`.
    public static func status(_ statuses: Set<PovertyStatus>) -> EligibilityRule {
        let names = PovertyStatus.allCases.filter(statuses.contains).map(\.label).joined(separator: ", ")
        return EligibilityRule(summary: "status is \(names)") { facts in
            guard let status = facts.status else { return "the household has no status yet: assess it first" }
            return statuses.contains(status) ? nil : "the household is \(status.label); this programme is for \(names)"
        }
    }

    /// Both rules must hold.
    public func and(_ other: EligibilityRule) -> EligibilityRule {
        EligibilityRule(summary: "\(summary), and \(other.summary)") { facts in
            refusal(for: facts) ?? other.refusal(for: facts)
        }
    }

    /// At least one of `criteria` must be met.
    public static func anyCriterion(_ criteria: Set<PovertyCriterion>, _ description: String) -> EligibilityRule {
        EligibilityRule(summary: description) { facts in
            facts.criteriaMet.isDisjoint(with: criteria) ? "the household does not meet the criterion: \(description)" : nil
        }
    }

    /// At least `count` members.
    public static func members(atLeast count: Int) -> EligibilityRule {
        EligibilityRule(summary: "at least \(count) members") { facts in
            facts.memberCount >= count ? nil : "the household has \(facts.memberCount) members; at least \(count) are needed"
        }
    }

    /// PKH: at least one member counts under a component (``PKHComponent``) on the day of enrolment.
    public static var pkhComponent: EligibilityRule {
        EligibilityRule(
            summary: "a member who counts for PKH (pregnant or nursing, under six, at school SD–SMA, severely disabled, or 60 or older)"
        ) { facts in
            guard !facts.members.isEmpty else {
                return "the household's members are not recorded, so PKH's components cannot be checked: record them first "
                    + "(POST /v1/households/{kk}/members, or members in the registration)"
            }
            return PKHComponent.components(of: facts.members, on: facts.date).isEmpty
                ? "no member of the household counts for PKH on \(facts.date)" : nil
        }
    }

    /// PIP: the member enrolled is a pupil (attending SD, SMP or SMA, aged 6–21) on the day of enrolment.
    public static var pupil: EligibilityRule {
        EligibilityRule(summary: "the member enrolled attends SD, SMP or SMA and is 6–21 years old") { facts in
            guard let member = facts.member else { return "this programme enrols one member: give memberNIK" }
            return member.isPupil(on: facts.date)
                ? nil : "the member is not a pupil on \(facts.date) (inSchool with a schoolLevel, aged 6–21)"
        }
    }
}
