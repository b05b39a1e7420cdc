import Foundation

/// The data of any Entas event, one case per event type.
public enum EventPayload: Sendable, Equatable {
    /// `household.registered`.
    case householdRegistered(HouseholdRegistered)
    /// `household.updated`.
    case householdUpdated(HouseholdUpdated)
    /// `household.assessed`.
    case householdAssessed(HouseholdAssessed)
    /// `enrolment.started`.
    case enrolmentStarted(EnrolmentStarted)
    /// `enrolment.ended`.
    case enrolmentEnded(EnrolmentEnded)
    /// `benefit.delivered`.
    case benefitDelivered(BenefitDelivered)
    /// `referral.made`.
    case referralMade(ReferralMade)
    /// `referral.answered`.
    case referralAnswered(ReferralAnswered)
    /// `household.graduated`.
    case householdGraduated(HouseholdGraduated)
    /// `commitment.made`.
    case commitmentMade(CommitmentMade)
    /// `household.verified`.
    case householdVerified(HouseholdVerified)
    /// `verification.requested`.
    case verificationRequested(VerificationRequested)
    /// `verification.assigned`.
    case verificationAssigned(VerificationAssigned)

    /// Every event type this build reads and writes, in the order of the cases.
    public static let supportedTypes: [EventType] = [
        HouseholdRegistered.eventType, HouseholdUpdated.eventType, HouseholdAssessed.eventType,
        EnrolmentStarted.eventType, EnrolmentEnded.eventType, BenefitDelivered.eventType,
        ReferralMade.eventType, ReferralAnswered.eventType, HouseholdGraduated.eventType,
        CommitmentMade.eventType, HouseholdVerified.eventType, VerificationRequested.eventType,
        VerificationAssigned.eventType,
    ]

    /// The payload struct inside the case.
    public var data: any EventData {
        switch self {
        case .householdRegistered(let data): data
        case .householdUpdated(let data): data
        case .householdAssessed(let data): data
        case .enrolmentStarted(let data): data
        case .enrolmentEnded(let data): data
        case .benefitDelivered(let data): data
        case .referralMade(let data): data
        case .referralAnswered(let data): data
        case .householdGraduated(let data): data
        case .commitmentMade(let data): data
        case .householdVerified(let data): data
        case .verificationRequested(let data): data
        case .verificationAssigned(let data): data
        }
    }

    /// The event's type and version.
    public var eventType: EventType { type(of: data).eventType }

    /// The household the event is about; nil for `commitment.made`, which concerns a region.
    public var kkNumber: KKNumber? {
        switch self {
        case .householdRegistered(let data): data.kkNumber
        case .householdUpdated(let data): data.kkNumber
        case .householdAssessed(let data): data.kkNumber
        case .enrolmentStarted(let data): data.kkNumber
        case .enrolmentEnded(let data): data.kkNumber
        case .benefitDelivered(let data): data.kkNumber
        case .referralMade(let data): data.kkNumber
        case .referralAnswered(let data): data.kkNumber
        case .householdGraduated(let data): data.kkNumber
        case .householdVerified(let data): data.kkNumber
        case .verificationRequested(let data): data.kkNumber
        case .verificationAssigned(let data): data.kkNumber
        case .commitmentMade: nil
        }
    }

    /// The cluster that states the fact: the registering/updating/assessing cluster, the referring cluster
    /// for `referral.made`, the answering one (`toCluster`) for `referral.answered`.
    public var statingCluster: Cluster {
        switch self {
        case .householdRegistered(let data): data.registeredBy
        case .householdUpdated(let data): data.updatedBy
        case .householdAssessed(let data): data.cluster
        case .enrolmentStarted(let data): data.cluster
        case .enrolmentEnded(let data): data.cluster
        case .benefitDelivered(let data): data.cluster
        case .referralMade(let data): data.fromCluster
        case .referralAnswered(let data): data.toCluster
        case .householdGraduated(let data): data.cluster
        case .commitmentMade(let data): data.cluster
        case .householdVerified(let data): data.cluster
        case .verificationRequested(let data): data.cluster
        case .verificationAssigned(let data): data.cluster
        }
    }

    /// `entas.households` for household registered/updated/assessed/verified; otherwise the stating cluster's
    /// topic.
    public var topic: EntasTopic {
        switch self {
        case .householdRegistered, .householdUpdated, .householdAssessed, .householdVerified: .households
        default: statingCluster.topic
        }
    }

    /// The Kafka key: the KK number's 16 digits, or `commitment:<cluster>:<region digits>` for a commitment
    /// (`commitment:socialAid:3509`), so one household's (or one region's commitments') events stay in order.
    public var key: String {
        if case .commitmentMade(let data) = self {
            return "commitment:\(data.cluster.rawValue):\(data.regionCode.digits)"
        }
        return kkNumber?.rawValue ?? ""
    }

    /// Checks the payload's contract rules (see ``EventData/validate(in:)``).
    public func validate(in reference: RegionReference = .eastJava) throws(EventValidationError) {
        try data.validate(in: reference)
    }

    /// Decodes and validates the JSON `value` as the payload of `type`; the usual payloads of the most frequent
    /// events without `JSONDecoder` (``PlainJSONObject``).
    /// - Throws: ``EventDecodingError`` (`unknown-type` for a type this build does not know).
    public static func decode(_ type: EventType, from value: Data) throws(EventDecodingError) -> EventPayload {
        switch type {
        case HouseholdRegistered.eventType: .householdRegistered(try EventJSON.decode(value, plain: HouseholdRegistered.init(plain:)))
        case HouseholdUpdated.eventType: .householdUpdated(try EventJSON.decode(value))
        case HouseholdAssessed.eventType: .householdAssessed(try EventJSON.decode(value, plain: HouseholdAssessed.init(plain:)))
        case EnrolmentStarted.eventType: .enrolmentStarted(try EventJSON.decode(value, plain: EnrolmentStarted.init(plain:)))
        case EnrolmentEnded.eventType: .enrolmentEnded(try EventJSON.decode(value))
        case BenefitDelivered.eventType: .benefitDelivered(try EventJSON.decode(value, plain: BenefitDelivered.init(plain:)))
        case ReferralMade.eventType: .referralMade(try EventJSON.decode(value))
        case ReferralAnswered.eventType: .referralAnswered(try EventJSON.decode(value))
        case HouseholdGraduated.eventType: .householdGraduated(try EventJSON.decode(value, plain: HouseholdGraduated.init(plain:)))
        case CommitmentMade.eventType: .commitmentMade(try EventJSON.decode(value))
        case HouseholdVerified.eventType: .householdVerified(try EventJSON.decode(value))
        case VerificationRequested.eventType: .verificationRequested(try EventJSON.decode(value))
        case VerificationAssigned.eventType: .verificationAssigned(try EventJSON.decode(value))
        default: throw .unknownType(EventDecodingError.echo(type: type.ceType))
        }
    }

    /// The payload as the JSON value of a Kafka record (sorted keys, no whitespace). Does not validate.
    public func jsonValue() throws(EventEncodingError) -> Data {
        if case .householdRegistered(let registered) = self, let json = registered.plainJSON() { return json }
        return try EventJSON.encode(data)
    }
}
