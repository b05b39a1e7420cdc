import EntasDomain

/// Records a delivery under an enrolment: `POST /v1/enrolments/{id}/deliveries` at ``cluster``'s service,
/// where `{id}` is the id the service answered when (kkNumber, programme) was enrolled. Encodes as that
/// route's body.
public struct DemoDelivery: Sendable, Hashable, Codable {
    /// The household.
    public var kkNumber: String
    /// The delivering cluster.
    public var cluster: Cluster
    /// The programme code of the enrolment.
    public var programme: String
    /// Rupiah paid, for cash programmes (and RTLH's grant).
    public var amountRupiah: Int64?
    /// Quantity in kind (kg of rice, connections, houses, sessions).
    public var inKindQuantity: Double?
    /// The unit of ``inKindQuantity``: the programme's delivery unit.
    public var inKindUnit: String?
    /// The quarter the delivery counts towards, `2025-Q1` to `2026-Q1`.
    public var period: Period
    /// The day of delivery, inside ``period`` and not before the enrolment started.
    public var deliveredOn: CalendarDate
    /// The member the benefit went to: the enrolment's member (PIP's pupil), else none.
    public var memberNIK: String?
}
