import Foundation

/// `enrolment.started` v1, on the cluster's topic: a household joins one of the cluster's programmes
/// (kepesertaan), such as PKH for social aid or KUBE for empowerment.
public struct EnrolmentStarted: EventData {
    /// `id.go.jatim.entas.enrolment.started.v1`.
    public static let eventType = EventType(name: "enrolment.started", version: 1)

    /// The enrolment's id, chosen by the cluster; deliveries and the end refer to it.
    public var enrolmentID: UUID
    /// No. KK of the household enrolled.
    public var kkNumber: KKNumber
    /// The household's desa/kelurahan.
    public var desaCode: RegionCode
    /// The cluster that runs the programme.
    public var cluster: Cluster
    /// The programme code, e.g. `pkh`, `rastra`, `kube`: 1–64 letters, digits, `-`, `_`, `.`.
    public var programme: String
    /// The strategy the programme serves.
    public var strategy: Strategy
    /// The first day of the enrolment.
    public var startedOn: CalendarDate

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(
        enrolmentID: UUID, kkNumber: KKNumber, desaCode: RegionCode, cluster: Cluster, programme: String,
        strategy: Strategy, startedOn: CalendarDate
    ) {
        self.enrolmentID = enrolmentID
        self.kkNumber = kkNumber
        self.desaCode = desaCode
        self.cluster = cluster
        self.programme = programme
        self.strategy = strategy
        self.startedOn = startedOn
    }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        try check.desa(desaCode, "desaCode")
        try check.programme(programme, "programme")
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .enrolmentStarted(self) }

    enum CodingKeys: String, CodingKey {
        case enrolmentID, kkNumber, desaCode, cluster, programme, strategy, startedOn
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        enrolmentID = try container.decode(UUID.self, forKey: .enrolmentID)
        kkNumber = try container.decode(KKNumber.self, forKey: .kkNumber)
        desaCode = try container.decode(RegionCode.self, forKey: .desaCode)
        cluster = try container.decode(Cluster.self, forKey: .cluster)
        programme = try container.decode(String.self, forKey: .programme)
        strategy = try container.decode(Strategy.self, forKey: .strategy)
        startedOn = try container.decode(CalendarDate.self, forKey: .startedOn)
        try checkDecoded(decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeLowercase(enrolmentID, forKey: .enrolmentID)
        try container.encode(kkNumber, forKey: .kkNumber)
        try container.encode(desaCode, forKey: .desaCode)
        try container.encode(cluster, forKey: .cluster)
        try container.encode(programme, forKey: .programme)
        try container.encode(strategy, forKey: .strategy)
        try container.encode(startedOn, forKey: .startedOn)
    }
}
