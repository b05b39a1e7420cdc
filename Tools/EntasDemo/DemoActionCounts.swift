/// How many of each action a plan holds, and a few household tallies, for progress display.
public struct DemoActionCounts: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Households planned.
    public var households = 0
    /// Assessments.
    public var assessments = 0
    /// Households two clusters assess differently.
    public var conflictHouseholds = 0
    /// Ordinary enrolments.
    public var enrolments = 0
    /// Deliveries.
    public var deliveries = 0
    /// Referrals made.
    public var referrals = 0
    /// Referrals accepted.
    public var acceptedReferrals = 0
    /// Referrals declined.
    public var declinedReferrals = 0
    /// Referrals left unanswered.
    public var openReferrals = 0
    /// Enrolments following accepted referrals.
    public var followUpEnrolments = 0
    /// Graduations (one per cluster and household).
    public var graduations = 0
    /// Households graduated by at least one cluster.
    public var graduatedHouseholds = 0
    /// SM households planned to get no programme at all (the coordinator's gaps are wider:
    /// every SM or M household without social aid).
    public var gapHouseholds = 0

    /// No counts yet.
    public init() {}

    /// Adds one household's plan.
    public mutating func add(_ plan: DemoHouseholdActions) {
        households += 1
        assessments += plan.assessments.count
        conflictHouseholds += plan.hasConflict ? 1 : 0
        enrolments += plan.enrolments.count
        deliveries += plan.deliveries.count
        referrals += plan.referrals.count
        acceptedReferrals += plan.referralAnswers.filter { $0.outcome == .accepted }.count
        declinedReferrals += plan.referralAnswers.filter { $0.outcome == .declined }.count
        openReferrals += plan.referrals.count - plan.referralAnswers.count
        followUpEnrolments += plan.followUpEnrolments.count
        graduations += plan.graduations.count
        graduatedHouseholds += plan.graduations.isEmpty ? 0 : 1
        gapHouseholds += plan.isGap ? 1 : 0
    }

    /// Referral answers (accepted and declined).
    public var referralAnswers: Int { acceptedReferrals + declinedReferrals }

    /// The actions of one phase.
    public func count(in phase: DemoPhase) -> Int {
        switch phase {
        case .assessment: assessments
        case .enrolment: enrolments
        case .delivery: deliveries
        case .referral: referrals
        case .referralAnswer: referralAnswers
        case .followUpEnrolment: followUpEnrolments
        case .graduation: graduations
        }
    }

    /// Every action.
    public var total: Int { DemoPhase.allCases.reduce(0) { $0 + count(in: $1) } }

    /// `12827 households: 7000 assessments (…)`, one line.
    public var description: String {
        "\(households) households: \(assessments) assessments (\(conflictHouseholds) households in conflict), "
            + "\(enrolments) enrolments, \(deliveries) deliveries, \(referrals) referrals "
            + "(\(acceptedReferrals) accepted, \(declinedReferrals) declined, \(openReferrals) open), "
            + "\(followUpEnrolments) follow-up enrolments, \(graduations) graduations "
            + "(\(graduatedHouseholds) households), \(gapHouseholds) SM households left with no programme; \(total) actions"
    }
}
