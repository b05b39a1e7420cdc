/// The order a loader sends the plan in. Each phase needs the ones before it: enrolments are checked
/// against assessments, deliveries need the enrolment's id, answers need the referral's id (and the target
/// service must have received the referral through Kafka), follow-up enrolments come from accepted
/// referrals, and graduation ends enrolments (so it comes last). Within a phase the actions are independent
/// of one another and may be sent concurrently.
public enum DemoPhase: Int, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Clusters assess households (2025).
    case assessment
    /// Clusters enrol eligible households (2025).
    case enrolment
    /// Benefits are delivered (2025-Q1 to 2026-Q1).
    case delivery
    /// Clusters refer households to other clusters (early 2026).
    case referral
    /// The referred-to clusters accept or decline.
    case referralAnswer
    /// Enrolments that follow accepted referrals.
    case followUpEnrolment
    /// Households graduate (April–June 2026).
    case graduation

    public static func < (lhs: DemoPhase, rhs: DemoPhase) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `assessment`, `enrolment`, ….
    public var description: String {
        switch self {
        case .assessment: "assessment"
        case .enrolment: "enrolment"
        case .delivery: "delivery"
        case .referral: "referral"
        case .referralAnswer: "referralAnswer"
        case .followUpEnrolment: "followUpEnrolment"
        case .graduation: "graduation"
        }
    }
}
