/// `household.graduated` v1, on the cluster's topic: a cluster records that a household has risen out of
/// poverty (graduasi) and leaves its programmes.
public struct HouseholdGraduated: EventData {
    /// `id.go.jatim.entas.household.graduated.v1`.
    public static let eventType = EventType(name: "household.graduated", version: 1)

    /// No. KK of the household.
    public var kkNumber: KKNumber
    /// The household's desa/kelurahan.
    public var desaCode: RegionCode
    /// The cluster that graduates the household.
    public var cluster: Cluster
    /// Why: the evidence of graduation (steady income, business running, criteria no longer met, …).
    public var reason: String
    /// The day of graduation.
    public var graduatedOn: CalendarDate

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(kkNumber: KKNumber, desaCode: RegionCode, cluster: Cluster, reason: String, graduatedOn: CalendarDate) {
        self.kkNumber = kkNumber
        self.desaCode = desaCode
        self.cluster = cluster
        self.reason = reason
        self.graduatedOn = graduatedOn
    }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        try check.desa(desaCode, "desaCode")
        try check.text(reason, "reason")
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .householdGraduated(self) }
}
