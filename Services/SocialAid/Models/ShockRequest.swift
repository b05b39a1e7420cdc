import EntasDomain

/// `POST /v1/shocks`: the shock, and optionally the relief given for it.
struct ShockRequest: Codable, Sendable {
    var kkNumber: KKNumber
    var kind: ShockKind
    var occurredOn: CalendarDate
    var note: String?
    var relief: ReliefRequest?
}

/// Relief given after a shock: rupiah, or a quantity in kind, on a day.
struct ReliefRequest: Codable, Sendable {
    var amountRupiah: Int64?
    var inKindQuantity: Double?
    var inKindUnit: String?
    var deliveredOn: CalendarDate
}
