import EntasDomain

/// What one delivery of a programme is worth: rupiah, a quantity in kind, or both. Illustrative figures in
/// the range of the real programmes, not their official rates.
struct DemoDeliveryAmount: Sendable, Hashable {
    var rupiah: Int64?
    var quantity: Double?
    var unit: String?

    /// One delivery of `programme` to `household`:
    /// - pkh: Rp500,000 + Rp100,000 per member (up to six) a quarter;
    /// - rastra: 45 kg of rice a quarter (15 kg a month);
    /// - jamkesda: the KIS premium, Rp42,000 per member per month, for the quarter;
    /// - pip: Rp225,000 per schoolchild (1–3, fewer than the members) a quarter;
    /// - shock-relief Rp500,000–2,000,000; ksm grant Rp1–3 million; village-project wages Rp100,000 a day
    ///   for 5–20 days; kur Rp5–25 million; cooperative loan Rp500,000–2,000,000;
    /// - musrenbang 1 session, training 1–3 sessions, electricity and clean-water 1 connection, rtlh 1 house
    ///   and Rp17,500,000.
    static func of(_ programme: Programme, for household: DemoHousehold, using generator: inout SplitMix64) -> DemoDeliveryAmount {
        let members = Int64(household.memberCount)
        switch programme.code {
        case "pkh": return cash(500_000 + 100_000 * min(members, 6))
        case "rastra": return kind(45, programme)
        case "jamkesda": return cash(42_000 * 3 * members)
        case "pip": return cash(225_000 * Int64(1 + generator.next(below: max(min(household.memberCount - 1, 3), 1))))
        case "shock-relief": return cash(500_000 + 250_000 * Int64(generator.next(below: 7)))
        case "ksm": return cash(1_000_000 + 500_000 * Int64(generator.next(below: 5)))
        case "village-project": return cash(100_000 * Int64(generator.next(in: 5...20)))
        case "kur": return cash(1_000_000 * Int64(generator.next(in: 5...25)))
        case "cooperative": return cash(500_000 + 250_000 * Int64(generator.next(below: 7)))
        case "training": return kind(Double(generator.next(in: 1...3)), programme)
        case "rtlh": return DemoDeliveryAmount(rupiah: 17_500_000, quantity: 1, unit: programme.deliveryUnit)
        default:
            return programme.deliveryUnit == "rupiah" ? cash(500_000) : kind(1, programme)
        }
    }

    private static func cash(_ rupiah: Int64) -> DemoDeliveryAmount {
        DemoDeliveryAmount(rupiah: rupiah, quantity: nil, unit: nil)
    }

    private static func kind(_ quantity: Double, _ programme: Programme) -> DemoDeliveryAmount {
        DemoDeliveryAmount(rupiah: nil, quantity: quantity, unit: programme.deliveryUnit)
    }
}
