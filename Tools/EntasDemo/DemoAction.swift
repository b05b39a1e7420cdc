import EntasDomain

/// One request the demo loader sends to a cluster service after the households are imported.
///
/// Codable as the payload's fields plus `"kind"` (`assessment`, `enrolment`, `delivery`, `referral`,
/// `referralAnswer`, `graduation`), so a plan can be written as JSON lines and read back.
public enum DemoAction: Sendable, Hashable, Codable {
    /// A cluster states a status.
    case assessment(DemoAssessment)
    /// A cluster enrols a household (an ordinary one, or one following an accepted referral).
    case enrolment(DemoEnrolment)
    /// A cluster records a delivery.
    case delivery(DemoDelivery)
    /// A cluster refers a household to another.
    case referral(DemoReferral)
    /// The referred-to cluster answers.
    case referralAnswer(DemoReferralAnswer)
    /// A cluster graduates a household.
    case graduation(DemoGraduation)

    /// The name written as `"kind"`.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case assessment, enrolment, delivery, referral, referralAnswer, graduation
    }

    /// Which case this is.
    public var kind: Kind {
        switch self {
        case .assessment: .assessment
        case .enrolment: .enrolment
        case .delivery: .delivery
        case .referral: .referral
        case .referralAnswer: .referralAnswer
        case .graduation: .graduation
        }
    }

    /// The phase the action belongs to.
    public var phase: DemoPhase {
        switch self {
        case .assessment: .assessment
        case .enrolment(let enrolment): enrolment.referredBy == nil ? .enrolment : .followUpEnrolment
        case .delivery: .delivery
        case .referral: .referral
        case .referralAnswer: .referralAnswer
        case .graduation: .graduation
        }
    }

    /// The cluster whose service performs the action (a referral's sender, an answer's addressee).
    public var cluster: Cluster {
        switch self {
        case .assessment(let action): action.cluster
        case .enrolment(let action): action.cluster
        case .delivery(let action): action.cluster
        case .referral(let action): action.fromCluster
        case .referralAnswer(let action): action.toCluster
        case .graduation(let action): action.cluster
        }
    }

    /// The household.
    public var kkNumber: String {
        switch self {
        case .assessment(let action): action.kkNumber
        case .enrolment(let action): action.kkNumber
        case .delivery(let action): action.kkNumber
        case .referral(let action): action.kkNumber
        case .referralAnswer(let action): action.kkNumber
        case .graduation(let action): action.kkNumber
        }
    }

    /// The route at ``cluster``'s service; `{enrolmentID}` and `{referralID}` are for the loader to fill
    /// from earlier answers.
    public var route: String {
        switch self {
        case .assessment(let action): "POST /v1/households/\(action.kkNumber)/assessments"
        case .enrolment: "POST /v1/enrolments"
        case .delivery: "POST /v1/enrolments/{enrolmentID}/deliveries"
        case .referral: "POST /v1/referrals"
        case .referralAnswer(let action):
            "POST /v1/referrals/{referralID}/\(action.outcome == .accepted ? "accept" : "decline")"
        case .graduation(let action): "POST /v1/households/\(action.kkNumber)/graduation"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .assessment: self = .assessment(try DemoAssessment(from: decoder))
        case .enrolment: self = .enrolment(try DemoEnrolment(from: decoder))
        case .delivery: self = .delivery(try DemoDelivery(from: decoder))
        case .referral: self = .referral(try DemoReferral(from: decoder))
        case .referralAnswer: self = .referralAnswer(try DemoReferralAnswer(from: decoder))
        case .graduation: self = .graduation(try DemoGraduation(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .assessment(let action): try action.encode(to: encoder)
        case .enrolment(let action): try action.encode(to: encoder)
        case .delivery(let action): try action.encode(to: encoder)
        case .referral(let action): try action.encode(to: encoder)
        case .referralAnswer(let action): try action.encode(to: encoder)
        case .graduation(let action): try action.encode(to: encoder)
        }
    }
}
