import Foundation

/// `enrolment.ended` v1, on the cluster's topic: a household leaves a programme (graduated, moved, no longer
/// eligible, programme closed, …).
public struct EnrolmentEnded: EventData {
    /// `id.go.jatim.entas.enrolment.ended.v1`.
    public static let eventType = EventType(name: "enrolment.ended", version: 1)

    /// The enrolment that ends (from its `enrolment.started`).
    public var enrolmentID: UUID
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

    enum CodingKeys: String, CodingKey {
        case enrolmentID, kkNumber, desaCode, cluster, programme, endedOn, reason
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        enrolmentID = try container.decode(UUID.self, forKey: .enrolmentID)
        kkNumber = try container.decode(KKNumber.self, forKey: .kkNumber)
        desaCode = try container.decode(RegionCode.self, forKey: .desaCode)
        cluster = try container.decode(Cluster.self, forKey: .cluster)
        programme = try container.decode(String.self, forKey: .programme)
        endedOn = try container.decode(CalendarDate.self, forKey: .endedOn)
        reason = try container.decode(String.self, forKey: .reason)
        try checkDecoded(decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeLowercase(enrolmentID, forKey: .enrolmentID)
        try container.encode(kkNumber, forKey: .kkNumber)
        try container.encode(desaCode, forKey: .desaCode)
        try container.encode(cluster, forKey: .cluster)
        try container.encode(programme, forKey: .programme)
        try container.encode(endedOn, forKey: .endedOn)
        try container.encode(reason, forKey: .reason)
    }
}
