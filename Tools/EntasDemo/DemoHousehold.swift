import EntasDomain

/// One synthetic poor household as PPLS 2008 would have listed it: what a CSV import row carries.
///
/// The KK number and NIK are plain 16-digit strings built to pass ``KKNumber`` and ``NIK`` validation (the
/// tests check every one); use ``kk`` and ``nik`` for the validated types.
public struct DemoHousehold: Sendable, Hashable, Codable {
    /// Position in the demo, from 0: Sumberjambe's households first, then the extra kecamatan.
    public var ordinal: Int
    /// No. KK, 16 digits: kecamatan, issue date DDMMYY, sequence.
    public var kkNumber: String
    /// The head's NIK, 16 digits: kecamatan, birth date DDMMYY (+40 to the day for women), sequence.
    public var headNIK: String
    /// The head's synthetic name.
    public var headName: String
    /// The head's sex (women head about 11–22% of households, more among the very poor).
    public var headSex: Sex
    /// Dusun (or street), RT and RW.
    public var address: String
    /// The desa or kelurahan.
    public var desaCode: RegionCode
    /// Members, 1–8.
    public var memberCount: Int
    /// The criteria met, sorted by number; their count lies in ``baselineStatus``'s band.
    public var criteriaMet: [PovertyCriterion]
    /// The PPLS 2008 status: SM, M or HM.
    public var baselineStatus: PovertyStatus
    /// The members as the KK lists them in 2025, head first (``DemoMembers``); ``memberCount`` of them.
    public var members: [HouseholdMember]

    /// The kecamatan (the first six digits of the KK number).
    public var kecamatanCode: RegionCode { desaCode.parent ?? desaCode }

    /// The KK number validated against the region reference; nil if it were invalid (it never is).
    public var kk: KKNumber? { try? KKNumber(kkNumber) }

    /// The head's NIK validated; nil if it were invalid (it never is).
    public var nik: NIK? { try? NIK(headNIK) }

    /// What a programme's eligibility rule looks at, for the status a cluster sees, on `date` (PKH's and PIP's
    /// ages); `member` for a programme that enrols one.
    public func facts(status: PovertyStatus?, on date: CalendarDate = DemoHousehold.enrolmentReference, member: HouseholdMember? = nil) -> HouseholdFacts {
        HouseholdFacts(status: status, memberCount: memberCount, criteriaMet: Set(criteriaMet), members: members, member: member, date: date)
    }

    /// The day eligibility is judged when no enrolment day is known: 2025-07-01.
    public static let enrolmentReference = CalendarDate(daysSinceEpoch: DemoMembers.referenceDay)

    /// The member a programme of one person (PIP) enrols on `date`: the eldest pupil.
    public func pupil(on date: CalendarDate) -> HouseholdMember? {
        members.filter { $0.isPupil(on: date) }.min { $0.birthDate < $1.birthDate }
    }

    /// Makes a household; the generator uses this, tests may too.
    public init(
        ordinal: Int, kkNumber: String, headNIK: String, headName: String, headSex: Sex, address: String,
        desaCode: RegionCode, memberCount: Int, criteriaMet: [PovertyCriterion], baselineStatus: PovertyStatus,
        members: [HouseholdMember] = []
    ) {
        self.members = members
        self.ordinal = ordinal
        self.kkNumber = kkNumber
        self.headNIK = headNIK
        self.headName = headName
        self.headSex = headSex
        self.address = address
        self.desaCode = desaCode
        self.memberCount = memberCount
        self.criteriaMet = criteriaMet
        self.baselineStatus = baselineStatus
    }
}
