import EntasDomain

/// Everything the plan does for one household, by phase.
public struct DemoHouseholdActions: Sendable, Hashable {
    /// The household.
    public var kkNumber: String
    /// How its situation developed.
    public var trajectory: DemoTrajectory
    /// True when two clusters state different statuses for it.
    public var hasConflict = false
    /// Assessments, one per assessing cluster.
    public var assessments: [DemoAssessment] = []
    /// Ordinary enrolments.
    public var enrolments: [DemoEnrolment] = []
    /// Deliveries under those enrolments.
    public var deliveries: [DemoDelivery] = []
    /// Referrals, at most one per pair of clusters.
    public var referrals: [DemoReferral] = []
    /// Answers to those referrals (an unanswered referral has none).
    public var referralAnswers: [DemoReferralAnswer] = []
    /// Enrolments following accepted referrals.
    public var followUpEnrolments: [DemoEnrolment] = []
    /// Graduations, one per graduating cluster.
    public var graduations: [DemoGraduation] = []

    /// An empty plan for `kkNumber`.
    public init(kkNumber: String, trajectory: DemoTrajectory) {
        self.kkNumber = kkNumber
        self.trajectory = trajectory
    }

    /// True for an SM household the plan leaves without any enrolment.
    public var isGap: Bool { trajectory == .gap }

    /// The actions of one phase.
    public func actions(in phase: DemoPhase) -> [DemoAction] {
        switch phase {
        case .assessment: assessments.map(DemoAction.assessment)
        case .enrolment: enrolments.map(DemoAction.enrolment)
        case .delivery: deliveries.map(DemoAction.delivery)
        case .referral: referrals.map(DemoAction.referral)
        case .referralAnswer: referralAnswers.map(DemoAction.referralAnswer)
        case .followUpEnrolment: followUpEnrolments.map(DemoAction.enrolment)
        case .graduation: graduations.map(DemoAction.graduation)
        }
    }

    /// How many actions one phase has.
    public func count(in phase: DemoPhase) -> Int {
        switch phase {
        case .assessment: assessments.count
        case .enrolment: enrolments.count
        case .delivery: deliveries.count
        case .referral: referrals.count
        case .referralAnswer: referralAnswers.count
        case .followUpEnrolment: followUpEnrolments.count
        case .graduation: graduations.count
        }
    }

    /// Every action, phase by phase.
    public var allActions: [DemoAction] { DemoPhase.allCases.flatMap(actions(in:)) }

    /// The clusters with an enrolment (ordinary or follow-up).
    public var enrollingClusters: Set<Cluster> {
        Set(enrolments.map(\.cluster)).union(followUpEnrolments.map(\.cluster))
    }
}
