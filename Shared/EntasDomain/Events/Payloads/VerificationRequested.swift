/// `verification.requested` v1, on the cluster's topic: a cluster doubts a household's data and asks for a
/// field verification (verifikasi dan validasi). The coordinator opens a case for the household unless one
/// is open already; a later `household.verified` closes it.
public struct VerificationRequested: EventData {
    /// `id.go.jatim.entas.verification.requested.v1`.
    public static let eventType = EventType(name: "verification.requested", version: 1)

    /// No. KK of the household.
    public var kkNumber: KKNumber
    /// The household's desa/kelurahan.
    public var desaCode: RegionCode
    /// The requesting cluster (the publisher).
    public var cluster: Cluster
    /// What the cluster doubts, in its own words.
    public var reason: String
    /// The day of the request.
    public var requestedOn: CalendarDate

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(kkNumber: KKNumber, desaCode: RegionCode, cluster: Cluster, reason: String, requestedOn: CalendarDate) {
        self.kkNumber = kkNumber
        self.desaCode = desaCode
        self.cluster = cluster
        self.reason = reason
        self.requestedOn = requestedOn
    }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        try check.desa(desaCode, "desaCode")
        try check.text(reason, "reason")
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .verificationRequested(self) }
}
