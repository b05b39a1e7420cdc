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
    /// The members as on the KK, head included, when recorded; ``memberCount`` may then be left out.
    public var members: [HouseholdMember]?

    public init(
        kkNumber: KKNumber, headNIK: NIK, headName: String, address: String, desaCode: RegionCode,
        memberCount: Int, criteriaMet: [PovertyCriterion], baselineStatus: PovertyStatus? = nil,
        members: [HouseholdMember]? = nil
    ) {
        self.members = members
        self.kkNumber = kkNumber
        self.headNIK = headNIK
        self.headName = headName
        self.address = address
        self.desaCode = desaCode
        self.memberCount = memberCount
        self.criteriaMet = criteriaMet
        self.baselineStatus = baselineStatus
    }

    enum CodingKeys: String, CodingKey {
        case kkNumber, headNIK, headName, address, desaCode, memberCount, criteriaMet, baselineStatus, members
    }

    /// Reads a registration; `memberCount` defaults to the number of `members` when they are listed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kkNumber = try container.decode(KKNumber.self, forKey: .kkNumber)
        headNIK = try container.decode(NIK.self, forKey: .headNIK)
        headName = try container.decode(String.self, forKey: .headName)
        address = try container.decode(String.self, forKey: .address)
        desaCode = try container.decode(RegionCode.self, forKey: .desaCode)
        members = try container.decodeIfPresent([HouseholdMember].self, forKey: .members)
        guard let count = try container.decodeIfPresent(Int.self, forKey: .memberCount) ?? members?.count else {
            throw DecodingError.keyNotFound(
                CodingKeys.memberCount,
                .init(codingPath: container.codingPath, debugDescription: "memberCount is required unless the members are listed"))
        }
        memberCount = count
        criteriaMet = try container.decode([PovertyCriterion].self, forKey: .criteriaMet)
        baselineStatus = try container.decodeIfPresent(PovertyStatus.self, forKey: .baselineStatus)
    }

    /// The household as stored, with its recorded members (none: nil).
    init(_ replica: HouseholdReplica, members: [HouseholdMember]) {
        self.init(
            kkNumber: replica.kkNumber, headNIK: replica.headNIK, headName: replica.headName, address: replica.address,
            desaCode: replica.desaCode, memberCount: replica.memberCount, criteriaMet: replica.criteriaMet,
            baselineStatus: replica.baselineStatus, members: members.isEmpty ? nil : members)
    }

    func registered(by cluster: Cluster) -> HouseholdRegistered {
        HouseholdRegistered(
            kkNumber: kkNumber, headNIK: headNIK, headName: headName, address: address, desaCode: desaCode,
            memberCount: memberCount, criteriaMet: criteriaMet, baselineStatus: baselineStatus, registeredBy: cluster,
            members: members)
    }

    /// Every person the registration names, with the field that names them: the head, then each member.
    var persons: [(nik: NIK, field: String)] {
        [(headNIK, "headNIK")] + (members ?? []).enumerated().map { ($1.nik, "members[\($0)].nik") }
    }

    /// Why the registration cannot stand beside the members recorded for its KK (`recorded`): the count and
    /// the head must agree with its own list, or with the recorded one when it names none. The field and the
    /// reason.
    func refusal(recorded: [HouseholdMember], today: CalendarDate = .today()) -> (field: String, reason: Message)? {
        let list = members ?? recorded
        guard !list.isEmpty else { return nil }
        if let index = members?.firstIndex(where: { $0.birthDate > today }) {
            return ("members[\(index)].birthDate", Message("cluster.registration.bornAfterToday", .day(today)))
        }
        if memberCount != list.count {
            return ("memberCount", Message("cluster.registration.memberCountRecorded", .count(list.count)))
        }
        if !list.contains(where: { $0.relationship == .head && $0.nik == headNIK }) {
            return (members == nil ? "headNIK" : "members", Message("cluster.registration.headNotMember"))
        }
        return nil
    }

    /// The update that turns `existing` (with its `recorded` members) into this registration, or nil when
    /// nothing differs. Recorded members the new list leaves out depart with `departures`' reason, else
    /// ``DepartureReason/other``.
    func changes(
        from existing: HouseholdReplica, recorded: [HouseholdMember], by cluster: Cluster, departures: [MemberDeparture] = []
    ) -> HouseholdUpdated? {
        let newMembers = members.flatMap { $0 == recorded ? nil : $0 }
        let left = newMembers.map { list in
            recorded.filter { old in !list.contains { $0.nik == old.nik } }.map { old in
                departures.first { $0.nik == old.nik } ?? MemberDeparture(nik: old.nik, reason: .other)
            }
        }
        let update = HouseholdUpdated(
            kkNumber: kkNumber,
            headNIK: headNIK == existing.headNIK ? nil : headNIK,
            headName: headName == existing.headName ? nil : headName,
            address: address == existing.address ? nil : address,
            desaCode: desaCode == existing.desaCode ? nil : desaCode,
            memberCount: memberCount == existing.memberCount ? nil : memberCount,
            criteriaMet: Set(criteriaMet) == Set(existing.criteriaMet) ? nil : criteriaMet,
            updatedBy: cluster, members: newMembers, departures: left?.isEmpty == false ? left : nil)
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
    /// The whole new member list, head included.
    public var members: [HouseholdMember]?
    /// Why each recorded member the new list leaves out left (died, movedOut, married, other); one is
    /// required for each.
    public var departures: [MemberDeparture]?

    public init(
        headNIK: NIK? = nil, headName: String? = nil, address: String? = nil, desaCode: RegionCode? = nil,
        memberCount: Int? = nil, criteriaMet: [PovertyCriterion]? = nil, members: [HouseholdMember]? = nil,
        departures: [MemberDeparture]? = nil
    ) {
        self.headNIK = headNIK
        self.headName = headName
        self.address = address
        self.desaCode = desaCode
        self.memberCount = memberCount
        self.criteriaMet = criteriaMet
        self.members = members
        self.departures = departures
    }

    func apply(to registration: inout HouseholdRegistration) {
        if let members {
            registration.members = members
            registration.memberCount = memberCount ?? members.count
        }
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
    /// A person it names (the head or a member, at `field`) is already in another household here (that
    /// household's KK): nothing written.
    case personInAnotherHousehold(NIK, field: String, other: KKNumber)
    /// It disagrees with the members recorded for its KK (`field` says where, `reason` how): nothing written.
    case disagreesWithMembers(field: String, reason: Message)
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
    /// The members as on the KK, head first, when recorded (empty when not); their NIKs are masked as the
    /// head's is.
    public var members: [MemberView]
    /// PKH: the components the family counts under today, one per counting member, at most four (empty
    /// when no member counts or the members are not recorded).
    public var pkhComponents: [PKHComponent]

    init(
        household: HouseholdReplica, viewer: Cluster, assessment: HouseholdStatus?, enrolments: [Enrolment],
        graduation: Graduation?, members: [HouseholdMember], today: CalendarDate = .today()
    ) {
        let full = household.registeredBy == viewer
        self.members = members.map { MemberView($0, fullNIK: full, today: today) }
        pkhComponents = PKHComponent.components(of: members, on: today)
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

/// A member of a household as a cluster service shows it.
public struct MemberView: Codable, Sendable, Equatable {
    /// In full at the service that registered the household; masked at the other clusters.
    public var nik: String
    public var name: String
    public var relationship: FamilyRelationship
    public var sex: Sex
    public var birthDate: CalendarDate
    /// Whole years today.
    public var age: Int
    public var schoolLevel: SchoolLevel?
    public var inSchool: Bool
    public var pregnantOrNursing: Bool
    public var severeDisability: Bool
    /// The PKH component the member counts under today, if any.
    public var pkhComponent: PKHComponent?

    init(_ member: HouseholdMember, fullNIK: Bool, today: CalendarDate) {
        nik = fullNIK ? member.nik.rawValue : member.nik.masked
        name = member.name
        relationship = member.relationship
        sex = member.sex
        birthDate = member.birthDate
        age = member.age(on: today)
        schoolLevel = member.schoolLevel
        inSchool = member.inSchool
        pregnantOrNursing = member.pregnantOrNursing
        severeDisability = member.severeDisability
        pkhComponent = PKHComponent.of(member, on: today)
    }
}
