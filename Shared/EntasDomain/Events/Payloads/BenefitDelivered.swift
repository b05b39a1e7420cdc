import Foundation

/// `benefit.delivered` v1, on the cluster's topic: one delivery (penyaluran) of a programme's benefit to an
/// enrolled household, in cash (rupiah), in kind (quantity and unit), or both.
public struct BenefitDelivered: EventData {
    /// `id.go.jatim.entas.benefit.delivered.v1`.
    public static let eventType = EventType(name: "benefit.delivered", version: 1)

    /// The delivery's id, chosen by the cluster.
    @LowercaseUUID public var deliveryID: UUID
    /// The enrolment the delivery belongs to.
    @LowercaseUUID public var enrolmentID: UUID
    /// No. KK of the household.
    public var kkNumber: KKNumber
    /// The household's desa/kelurahan.
    public var desaCode: RegionCode
    /// The cluster that delivered.
    public var cluster: Cluster
    /// The programme code.
    public var programme: String
    /// The strategy the programme serves.
    public var strategy: Strategy
    /// Cash value in whole rupiah (no decimals), at least 0; nil for a delivery in kind only.
    public var amountRupiah: Int64?
    /// Quantity delivered in kind (15 for 15 kg of rice), above 0; nil for cash only.
    public var inKindQuantity: Double?
    /// The unit of ``inKindQuantity`` (`kg`, `paket`, `ekor`); given exactly when the quantity is.
    public var inKindUnit: String?
    /// The period the delivery counts towards (the commitment's period).
    public var period: Period
    /// The day of the delivery.
    public var deliveredOn: CalendarDate
    /// The member the benefit went to (PIP: the pupil), when the delivery names one (added within v1: an
    /// optional field).
    public var memberNIK: NIK?

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(
        deliveryID: UUID, enrolmentID: UUID, kkNumber: KKNumber, desaCode: RegionCode, cluster: Cluster,
        programme: String, strategy: Strategy, amountRupiah: Int64? = nil, inKindQuantity: Double? = nil,
        inKindUnit: String? = nil, period: Period, deliveredOn: CalendarDate, memberNIK: NIK? = nil
    ) {
        self.deliveryID = deliveryID
        self.enrolmentID = enrolmentID
        self.kkNumber = kkNumber
        self.desaCode = desaCode
        self.cluster = cluster
        self.programme = programme
        self.strategy = strategy
        self.amountRupiah = amountRupiah
        self.inKindQuantity = inKindQuantity
        self.inKindUnit = inKindUnit
        self.period = period
        self.deliveredOn = deliveredOn
        self.memberNIK = memberNIK
    }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        try check.desa(desaCode, "desaCode")
        try check.programme(programme, "programme")
        if amountRupiah == nil, inKindQuantity == nil {
            throw EventValidationError(
                path: "amountRupiah", Message("domain.payload.deliveryEmpty"))
        }
        if let amountRupiah { try check.atLeast(amountRupiah, 0, "amountRupiah") }
        if let inKindQuantity {
            guard inKindQuantity.isFinite, inKindQuantity > 0 else {
                throw EventValidationError(path: "inKindQuantity", Message("domain.payload.aboveZero"))
            }
            guard let inKindUnit else {
                throw EventValidationError(path: "inKindUnit", Message("domain.payload.unitRequired"))
            }
            try check.text(inKindUnit, "inKindUnit", maximum: 32)
        } else if inKindUnit != nil {
            throw EventValidationError(
                path: "inKindUnit", Message("domain.payload.unitAlone"))
        }
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .benefitDelivered(self) }
}
