import Foundation

/// `enrolment.started` v1, on the cluster's topic: a household joins one of the cluster's programmes
/// (kepesertaan), such as PKH for social aid or KUBE for empowerment.
public struct EnrolmentStarted: EventData {
    /// `id.go.jatim.entas.enrolment.started.v1`.
    public static let eventType = EventType(name: "enrolment.started", version: 1)

    /// The enrolment's id, chosen by the cluster; deliveries and the end refer to it.
    @LowercaseUUID public var enrolmentID: UUID
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
    /// The member enrolled, for a programme of one person (PIP: the pupil); absent for the whole household
    /// (added within v1: an optional field).
    public var memberNIK: NIK?
    /// PKH: the components the family counted under when enrolled, one per counting member, at most four
    /// (added within v1: an optional field).
    public var pkhComponents: [PKHComponent]?

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(
        enrolmentID: UUID, kkNumber: KKNumber, desaCode: RegionCode, cluster: Cluster, programme: String,
        strategy: Strategy, startedOn: CalendarDate, memberNIK: NIK? = nil, pkhComponents: [PKHComponent]? = nil
    ) {
        self.enrolmentID = enrolmentID
        self.kkNumber = kkNumber
        self.desaCode = desaCode
        self.cluster = cluster
        self.programme = programme
        self.strategy = strategy
        self.startedOn = startedOn
        self.memberNIK = memberNIK
        self.pkhComponents = pkhComponents
    }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        try check.desa(desaCode, "desaCode")
        try check.programme(programme, "programme")
        if let pkhComponents {
            guard (1...PKHComponent.cap).contains(pkhComponents.count) else {
                throw EventValidationError(
                    path: "pkhComponents",
                    Message("domain.payload.pkhComponents", .count(PKHComponent.cap), .count(pkhComponents.count)))
            }
        }
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .enrolmentStarted(self) }
}
