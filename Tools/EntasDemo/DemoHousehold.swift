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

    /// The kecamatan (the first six digits of the KK number).
    public var kecamatanCode: RegionCode { desaCode.parent ?? desaCode }

    /// The KK number validated against the region reference; nil if it were invalid (it never is).
    public var kk: KKNumber? { try? KKNumber(kkNumber) }

    /// The head's NIK validated; nil if it were invalid (it never is).
    public var nik: NIK? { try? NIK(headNIK) }

    /// What a programme's eligibility rule looks at, for the status a cluster sees.
    public func facts(status: PovertyStatus?) -> HouseholdFacts {
        HouseholdFacts(status: status, memberCount: memberCount, criteriaMet: Set(criteriaMet))
    }

    /// Makes a household; the generator uses this, tests may too.
    public init(
        ordinal: Int, kkNumber: String, headNIK: String, headName: String, headSex: Sex, address: String,
        desaCode: RegionCode, memberCount: Int, criteriaMet: [PovertyCriterion], baselineStatus: PovertyStatus
    ) {
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
