import EntasService
import EntasDomain
import EntasStore
import Foundation
import Hummingbird

/// `POST /v1/households` (and each imported CSV row): a household as an agency registers it.
public struct HouseholdRegistration: Codable, Sendable, Equatable {
    public var kkNumber: KKNumber
    public var headNIK: NIK
    public var headName: String
    public var address: String
    public var desaCode: RegionCode
    public var memberCount: Int
    /// Which of the 14 BPS criteria hold (their stable identifiers).
    public var criteriaMet: [PovertyCriterion]
    /// The PPLS 2008 status, when known.
    public var baselineStatus: PovertyStatus?

    public init(
        kkNumber: KKNumber, headNIK: NIK, headName: String, address: String, desaCode: RegionCode,
        memberCount: Int, criteriaMet: [PovertyCriterion], baselineStatus: PovertyStatus? = nil
    ) {
        self.kkNumber = kkNumber
        self.headNIK = headNIK
        self.headName = headName
        self.address = address
        self.desaCode = desaCode
        self.memberCount = memberCount
        self.criteriaMet = criteriaMet
        self.baselineStatus = baselineStatus
    }

    init(_ replica: HouseholdReplica) {
        self.init(
            kkNumber: replica.kkNumber, headNIK: replica.headNIK, headName: replica.headName, address: replica.address,
            desaCode: replica.desaCode, memberCount: replica.memberCount, criteriaMet: replica.criteriaMet,
            baselineStatus: replica.baselineStatus)
    }

    func registered(by cluster: Cluster) -> HouseholdRegistered {
        HouseholdRegistered(
            kkNumber: kkNumber, headNIK: headNIK, headName: headName, address: address, desaCode: desaCode,
            memberCount: memberCount, criteriaMet: criteriaMet, baselineStatus: baselineStatus, registeredBy: cluster)
    }

    /// The update that turns `existing` into this registration, or nil when nothing differs.
    func changes(from existing: HouseholdReplica, by cluster: Cluster) -> HouseholdUpdated? {
        let update = HouseholdUpdated(
            kkNumber: kkNumber,
            headNIK: headNIK == existing.headNIK ? nil : headNIK,
            headName: headName == existing.headName ? nil : headName,
            address: address == existing.address ? nil : address,
            desaCode: desaCode == existing.desaCode ? nil : desaCode,
            memberCount: memberCount == existing.memberCount ? nil : memberCount,
            criteriaMet: Set(criteriaMet) == Set(existing.criteriaMet) ? nil : criteriaMet,
            updatedBy: cluster)
        return update.isEmpty ? nil : update
    }
}

/// `PATCH /v1/households/{kk}`: the fields to change; absent fields stay.
public struct HouseholdChanges: Codable, Sendable {
    public var headNIK: NIK?
    public var headName: String?
    public var address: String?
    public var desaCode: RegionCode?
    public var memberCount: Int?
    public var criteriaMet: [PovertyCriterion]?

    func apply(to registration: inout HouseholdRegistration) {
        if let headNIK { registration.headNIK = headNIK }
        if let headName { registration.headName = headName }
        if let address { registration.address = address }
        if let desaCode { registration.desaCode = desaCode }
        if let memberCount { registration.memberCount = memberCount }
        if let criteriaMet { registration.criteriaMet = criteriaMet }
    }
}

/// What registering did.
public enum RegistrationResult: Sendable, Equatable {
    /// A new household: `household.registered` published.
    case created
    /// A known KK with changed fields: `household.updated` published.
    case updated
    /// A known KK with the same fields: nothing published.
    case unchanged
    /// The household, or the desa it would move to, lies outside the token's region: nothing written.
    case outsideRegion
    /// Its head's NIK already heads another household here (that household's KK): nothing written.
    case headOfAnotherHousehold(KKNumber)
}

/// `POST /v1/households/{kk}/assessments`: this cluster's status for a household.
public struct AssessmentRequest: Codable, Sendable {
    public var status: PovertyStatus
    public var criteriaMet: [PovertyCriterion]
    public var assessedOn: CalendarDate
    /// Who assessed: an officer's id or team, as the agency records it.
    public var assessor: String
}

/// A household as a cluster service shows it to its agency.
public struct HouseholdView: ResponseCodable, Sendable, Equatable {
    public var kkNumber: KKNumber
    /// The head's NIK in full at the service that registered the household (it collected it);
    /// masked (`350931******0001`) at the other clusters, which only replicate it.
    public var headNIK: String
    public var headName: String
    public var address: String
    public var desaCode: RegionCode
    public var kecamatanCode: RegionCode
    public var memberCount: Int
    public var criteriaMet: [PovertyCriterion]
    /// Criteria met, banded (12–14 SM, 9–11 M, 6–8 HM).
    public var criteriaStatus: PovertyStatus
    public var baselineStatus: PovertyStatus?
    /// This cluster's latest assessment, if any.
    public var assessment: HouseholdStatus?
    /// This cluster's latest assessment, else the baseline.
    public var status: PovertyStatus?
    public var registeredBy: Cluster
    public var enrolments: [Enrolment]
    public var graduation: Graduation?

    init(household: HouseholdReplica, viewer: Cluster, assessment: HouseholdStatus?, enrolments: [Enrolment], graduation: Graduation?) {
        kkNumber = household.kkNumber
        headNIK = household.registeredBy == viewer ? household.headNIK.rawValue : household.headNIK.masked
        headName = household.headName
        address = household.address
        desaCode = household.desaCode
        kecamatanCode = household.kecamatanCode
        memberCount = household.memberCount
        criteriaMet = household.criteriaMet
        criteriaStatus = PovertyClassification.status(criteriaMet: Set(household.criteriaMet))
        baselineStatus = household.baselineStatus
        self.assessment = assessment
        status = graduation != nil ? .graduated : (assessment?.status ?? household.baselineStatus)
        registeredBy = household.registeredBy
        self.enrolments = enrolments
        self.graduation = graduation
    }
}
