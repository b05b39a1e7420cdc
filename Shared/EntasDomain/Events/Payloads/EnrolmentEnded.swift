import Foundation

/// `enrolment.ended` v1, on the cluster's topic: a household leaves a programme (graduated, moved, no longer
/// eligible, programme closed, …).
public struct EnrolmentEnded: EventData {
    /// `id.go.jatim.entas.enrolment.ended.v1`.
    public static let eventType = EventType(name: "enrolment.ended", version: 1)

    /// The enrolment that ends (from its `enrolment.started`).
    @LowercaseUUID public var enrolmentID: UUID
    /// No. KK of the household.
    public var kkNumber: KKNumber
    /// The household's desa/kelurahan.
    public var desaCode: RegionCode
    /// The cluster that runs the programme.
    public var cluster: Cluster
    /// The programme code, as in the start.
    public var programme: String
    /// The last day of the enrolment.
    public var endedOn: CalendarDate
    /// Why the enrolment ended, in the agency's words.
    public var reason: String

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(
        enrolmentID: UUID, kkNumber: KKNumber, desaCode: RegionCode, cluster: Cluster, programme: String,
        endedOn: CalendarDate, reason: String
    ) {
        self.enrolmentID = enrolmentID
        self.kkNumber = kkNumber
        self.desaCode = desaCode
        self.cluster = cluster
        self.programme = programme
        self.endedOn = endedOn
        self.reason = reason
    }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        try check.desa(desaCode, "desaCode")
        try check.programme(programme, "programme")
        try check.text(reason, "reason")
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .enrolmentEnded(self) }
}
