import EntasService
import EntasDomain

/// One line of `POST /v1/bulk`: something an agency does to a household, addressed by the
/// household's KK (with the programme, or the referring cluster) instead of by ids, or a
/// commitment for a region, period and programme, so a month's deliveries, a survey's
/// assessments or a year's commitments per kecamatan can be sent as one file.
///
/// Each line is a JSON object with `"kind"` and the fields of the single request it stands
/// for (docs/bulk.md). A `"cluster"` field, when present, must name this service's cluster,
/// so a file meant for another agency is refused line by line rather than applied here.
public enum BulkOperation: Sendable, Decodable {
    case assessment(KKNumber, AssessmentRequest)
    case enrolment(EnrolmentRequest)
    /// A delivery under the household's active enrolment in `programme`.
    case delivery(KKNumber, programme: String, DeliveryRequest)
    /// The end of the household's active enrolment in `programme` (of `member`, for PIP).
    case enrolmentEnd(KKNumber, programme: String, member: NIK?, EndEnrolmentRequest)
    /// A member of the household as it now is: added when not yet listed, else its fields replaced.
    case member(KKNumber, HouseholdMember)
    /// A member taken off the household.
    case memberDeparture(KKNumber, NIK, DepartureRequest)
    case referral(ReferralRequest)
    /// The answer to the open referral of the household from `from`.
    case referralAnswer(KKNumber, from: Cluster, ReferralOutcome, ReferralAnswerRequest)
    case graduation(KKNumber, GraduationRequest)
    /// What the cluster commits for a region, period and programme (a revision when already committed).
    case commitment(CommitmentRequest)

    public enum Kind: String, Sendable, Codable, CaseIterable {
        case assessment, enrolment, delivery, enrolmentEnd, referral, referralAnswer, graduation, commitment, member, memberDeparture
    }

    enum CodingKeys: String, CodingKey {
        case kind, kkNumber, programme, fromCluster, outcome, memberNIK, nik
    }

    public var kind: Kind {
        switch self {
        case .assessment: .assessment
        case .enrolment: .enrolment
        case .delivery: .delivery
        case .enrolmentEnd: .enrolmentEnd
        case .referral: .referral
        case .referralAnswer: .referralAnswer
        case .graduation: .graduation
        case .commitment: .commitment
        case .member: .member
        case .memberDeparture: .memberDeparture
        }
    }

    /// The household the line is about (none for a commitment).
    public var kkNumber: KKNumber? {
        switch self {
        case .assessment(let kk, _), .delivery(let kk, _, _), .enrolmentEnd(let kk, _, _, _), .referralAnswer(let kk, _, _, _),
            .graduation(let kk, _), .member(let kk, _), .memberDeparture(let kk, _, _):
            kk
        case .enrolment(let request): request.kkNumber
        case .referral(let request): request.kkNumber
        case .commitment: nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(Kind.self, forKey: .kind)
        switch kind {
        case .assessment:
            self = .assessment(try container.decode(KKNumber.self, forKey: .kkNumber), try AssessmentRequest(from: decoder))
        case .enrolment:
            self = .enrolment(try EnrolmentRequest(from: decoder))
        case .delivery:
            self = .delivery(
                try container.decode(KKNumber.self, forKey: .kkNumber), programme: try container.decode(String.self, forKey: .programme),
                try DeliveryRequest(from: decoder))
        case .enrolmentEnd:
            self = .enrolmentEnd(
                try container.decode(KKNumber.self, forKey: .kkNumber), programme: try container.decode(String.self, forKey: .programme),
                member: try container.decodeIfPresent(NIK.self, forKey: .memberNIK), try EndEnrolmentRequest(from: decoder))
        case .member:
            self = .member(try container.decode(KKNumber.self, forKey: .kkNumber), try HouseholdMember(from: decoder))
        case .memberDeparture:
            self = .memberDeparture(
                try container.decode(KKNumber.self, forKey: .kkNumber), try container.decode(NIK.self, forKey: .nik),
                try DepartureRequest(from: decoder))
        case .referral:
            self = .referral(try ReferralRequest(from: decoder))
        case .referralAnswer:
            self = .referralAnswer(
                try container.decode(KKNumber.self, forKey: .kkNumber), from: try container.decode(Cluster.self, forKey: .fromCluster),
                try container.decode(ReferralOutcome.self, forKey: .outcome), try ReferralAnswerRequest(from: decoder))
        case .graduation:
            self = .graduation(try container.decode(KKNumber.self, forKey: .kkNumber), try GraduationRequest(from: decoder))
        case .commitment:
            self = .commitment(try CommitmentRequest(from: decoder))
        }
    }
}

/// The cluster a bulk line says it is for, if it says: `cluster`; for a referral the
/// referring `fromCluster`, for an answer the referred-to `toCluster`.
struct BulkAddressee: Decodable {
    var cluster: Cluster?
    var fromCluster: Cluster?
    var toCluster: Cluster?
    var kind: String?

    var addressee: Cluster? {
        switch kind {
        case BulkOperation.Kind.referral.rawValue: fromCluster
        case BulkOperation.Kind.referralAnswer.rawValue: toCluster
        default: cluster
        }
    }
}
