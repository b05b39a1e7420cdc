/// `household.registered` v1, on `entas.households`: a cluster registers a household (rumah tangga) for the
/// first time, with its head, address, members and the BPS criteria it meets.
public struct HouseholdRegistered: EventData {
    /// `id.go.jatim.entas.household.registered.v1`.
    public static let eventType = EventType(name: "household.registered", version: 1)

    /// No. KK: the household's key.
    public var kkNumber: KKNumber
    /// NIK of the head of household (kepala keluarga).
    public var headNIK: NIK
    /// Name of the head of household, as on the KK.
    public var headName: String
    /// Street address (alamat): dusun, RT/RW, street; the desa is in ``desaCode``.
    public var address: String
    /// The desa/kelurahan the household lives in; must be a desa-level code of the reference.
    public var desaCode: RegionCode
    /// Number of household members (anggota keluarga), at least 1.
    public var memberCount: Int
    /// The BPS criteria the household meets, each at most once.
    public var criteriaMet: [PovertyCriterion]
    /// The PPLS 2008 status (RTSM/RTM/RTHM), when the household was in that collection; stored as stated.
    public var baselineStatus: PovertyStatus?
    /// When the baseline was surveyed; absent means PPLS 2008 (``defaultBaselinePeriod``). Views date the
    /// baseline to the period's first month, not to the registration (added within v1: an optional field).
    public var baselinePeriod: Period?
    /// The cluster that registered the household.
    public var registeredBy: Cluster
    /// The members as on the KK, head included (added within v1: an optional field); absent when the
    /// registering cluster has not recorded them. When given, ``memberCount`` is their number.
    public var members: [HouseholdMember]?

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(
        kkNumber: KKNumber, headNIK: NIK, headName: String, address: String, desaCode: RegionCode,
        memberCount: Int, criteriaMet: [PovertyCriterion], baselineStatus: PovertyStatus? = nil,
        baselinePeriod: Period? = nil, registeredBy: Cluster, members: [HouseholdMember]? = nil
    ) {
        self.kkNumber = kkNumber
        self.headNIK = headNIK
        self.headName = headName
        self.address = address
        self.desaCode = desaCode
        self.memberCount = memberCount
        self.criteriaMet = criteriaMet
        self.baselineStatus = baselineStatus
        self.baselinePeriod = baselinePeriod
        self.registeredBy = registeredBy
        self.members = members
    }

    /// PPLS 2008: the survey a baseline without a stated period comes from.
    public static let defaultBaselinePeriod: Period = {
        guard let period = try? Period(year: 2008) else { preconditionFailure("2008 is a valid year") }
        return period
    }()

    /// The status the criteria count gives under Entas's banding (not the stated ``baselineStatus``).
    public var derivedStatus: PovertyStatus { PovertyClassification.status(criteriaMet: criteriaMet) }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        try check.text(headName, "headName", maximum: PayloadChecks.nameLength)
        try check.text(address, "address")
        try check.desa(desaCode, "desaCode")
        try check.atLeast(memberCount, 1, "memberCount")
        try check.criteria(criteriaMet, "criteriaMet")
        if let members { try check.members(members, headNIK: headNIK, memberCount: memberCount, "members") }
        if baselineStatus == .graduated {
            throw EventValidationError(
                path: "baselineStatus", Message("domain.payload.baselineGraduated"))
        }
        if baselinePeriod != nil, baselineStatus == nil {
            throw EventValidationError(
                path: "baselinePeriod", Message("domain.payload.baselinePeriodAlone"))
        }
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .householdRegistered(self) }
}
