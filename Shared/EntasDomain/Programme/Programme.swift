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

/// A programme's eligibility rule: a plain-language summary and the check, both in the reader's language. The
/// check returns nil when the household is eligible, else the reason for refusing.
public struct EligibilityRule: Sendable {
    public var summary: Message
    private let check: @Sendable (HouseholdFacts) -> Message?

    public init(summary: Message, check: @escaping @Sendable (HouseholdFacts) -> Message?) {
        self.summary = summary
        self.check = check
    }

    public func refusal(for facts: HouseholdFacts) -> Message? { check(facts) }

    /// Eligible when the household's status is one of `statuses`.
    public static func status(_ statuses: Set<PovertyStatus>) -> EligibilityRule {
        let names = PovertyStatus.allCases.filter(statuses.contains).map(\.label).joined(separator: ", ")
        return EligibilityRule(summary: Message("domain.eligibility.status.summary", .text(names))) { facts in
            guard let status = facts.status else { return Message("domain.eligibility.status.none") }
            return statuses.contains(status) ? nil : Message("domain.eligibility.status.other", .text(status.label), .text(names))
        }
    }

    /// Both rules must hold.
    public func and(_ other: EligibilityRule) -> EligibilityRule {
        EligibilityRule(summary: Message("domain.eligibility.and", .message(summary), .message(other.summary))) { facts in
            refusal(for: facts) ?? other.refusal(for: facts)
        }
    }

    /// At least one of `criteria` must be met; `description` says them in plain words.
    public static func anyCriterion(_ criteria: Set<PovertyCriterion>, _ description: Message) -> EligibilityRule {
        EligibilityRule(summary: description) { facts in
            facts.criteriaMet.isDisjoint(with: criteria) ? Message("domain.eligibility.criterion.notMet", .message(description)) : nil
        }
    }

    /// At least `count` members.
    public static func members(atLeast count: Int) -> EligibilityRule {
        EligibilityRule(summary: Message("domain.eligibility.members.summary", .count(count))) { facts in
            facts.memberCount >= count ? nil : Message("domain.eligibility.members.tooFew", .count(facts.memberCount), .count(count))
        }
    }

    /// PKH: at least one member counts under a component (``PKHComponent``) on the day of enrolment.
    public static var pkhComponent: EligibilityRule {
        EligibilityRule(summary: Message("domain.eligibility.pkh.summary")) { facts in
            guard !facts.members.isEmpty else { return Message("domain.eligibility.pkh.noMembers") }
            return PKHComponent.components(of: facts.members, on: facts.date).isEmpty
                ? Message("domain.eligibility.pkh.none", .day(facts.date)) : nil
        }
    }

    /// PIP: the member enrolled is a pupil (attending SD, SMP or SMA, aged 6–21) on the day of enrolment.
    public static var pupil: EligibilityRule {
        EligibilityRule(summary: Message("domain.eligibility.pupil.summary")) { facts in
            guard let member = facts.member else { return Message("domain.eligibility.pupil.noMember") }
            return member.isPupil(on: facts.date) ? nil : Message("domain.eligibility.pupil.notPupil", .day(facts.date))
        }
    }
}
