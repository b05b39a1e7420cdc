import Foundation

/// `household.verified` v1, on `entas.households`: the result of verifikasi dan validasi (verivali). A team
/// checked the household in the field, the musyawarah desa recorded the finding in its minutes (berita
/// acara), and the verifying cluster (Dinas Sosial by default, as the data steward) states the status found.
///
/// The coordinator takes a verified status as the household's consensus until a cluster assesses the
/// household again after `verifiedOn` (docs/coordinator.md, "Verification cases").
public struct HouseholdVerified: EventData {
    /// `id.go.jatim.entas.household.verified.v1`.
    public static let eventType = EventType(name: "household.verified", version: 1)

    /// No. KK of the household verified.
    public var kkNumber: KKNumber
    /// The household's desa/kelurahan.
    public var desaCode: RegionCode
    /// The verifying cluster (the publisher).
    public var cluster: Cluster
    /// The case the verification settles, when it was recorded from one.
    @OptionalLowercaseUUID public var caseID: UUID?
    /// The status found in the field: sangatMiskin, miskin, hampirMiskin or tidakMiskin.
    public var status: PovertyStatus
    /// The BPS criteria found met, each at most once.
    public var criteriaMet: [PovertyCriterion]
    /// The day of the verification (the musyawarah desa).
    public var verifiedOn: CalendarDate
    /// Who verified: an officer or team identifier of the agency (not a personal name).
    public var verifier: String
    /// The musyawarah desa's minutes (berita acara) reference, e.g. `BA-MUSDES/35.09.31.2006/2027/014`.
    public var minutesReference: String

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(
        kkNumber: KKNumber, desaCode: RegionCode, cluster: Cluster, caseID: UUID? = nil, status: PovertyStatus,
        criteriaMet: [PovertyCriterion], verifiedOn: CalendarDate, verifier: String, minutesReference: String
    ) {
        self.kkNumber = kkNumber
        self.desaCode = desaCode
        self.cluster = cluster
        self.caseID = caseID
        self.status = status
        self.criteriaMet = criteriaMet
        self.verifiedOn = verifiedOn
        self.verifier = verifier
        self.minutesReference = minutesReference
    }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        try check.desa(desaCode, "desaCode")
        if status == .graduated {
            throw EventValidationError(
                path: "status",
                Message("domain.payload.verifiedGraduated"))
        }
        try check.criteria(criteriaMet, "criteriaMet")
        try check.text(verifier, "verifier", maximum: PayloadChecks.nameLength)
        try check.text(minutesReference, "minutesReference", maximum: PayloadChecks.nameLength)
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .householdVerified(self) }
}
