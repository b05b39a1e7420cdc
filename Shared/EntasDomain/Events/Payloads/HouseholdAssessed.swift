/// `household.assessed` v1, on `entas.households`: a cluster's poverty status for a household, with the
/// criteria it found met. The status is stored as stated; the coordinator compares clusters' statuses.
public struct HouseholdAssessed: EventData {
    /// `id.go.jatim.entas.household.assessed.v1`.
    public static let eventType = EventType(name: "household.assessed", version: 1)

    /// No. KK of the household assessed.
    public var kkNumber: KKNumber
    /// The household's desa/kelurahan at the time of the assessment.
    public var desaCode: RegionCode
    /// The cluster whose assessment this is.
    public var cluster: Cluster
    /// The status the cluster gives (need not equal the count's banding).
    public var status: PovertyStatus
    /// The BPS criteria found met, each at most once.
    public var criteriaMet: [PovertyCriterion]
    /// The day of the assessment (home visit or verification).
    public var assessedOn: CalendarDate
    /// Who assessed: an officer or team identifier of the agency (not a personal name), e.g. `tksk-jember-12`.
    public var assessor: String

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(
        kkNumber: KKNumber, desaCode: RegionCode, cluster: Cluster, status: PovertyStatus,
        criteriaMet: [PovertyCriterion], assessedOn: CalendarDate, assessor: String
    ) {
        self.kkNumber = kkNumber
        self.desaCode = desaCode
        self.cluster = cluster
        self.status = status
        self.criteriaMet = criteriaMet
        self.assessedOn = assessedOn
        self.assessor = assessor
    }

    /// The status the criteria count gives under Entas's banding, for comparison with ``status``.
    public var derivedStatus: PovertyStatus { PovertyClassification.status(criteriaMet: criteriaMet) }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        try check.desa(desaCode, "desaCode")
        try check.criteria(criteriaMet, "criteriaMet")
        try check.text(assessor, "assessor", maximum: PayloadChecks.nameLength)
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .householdAssessed(self) }
}
