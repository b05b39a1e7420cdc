/// How numbers are written in tables: thousands grouped with commas (`12,345`), shares as
/// whole percents, and a compact form (`1.2M`, `512k`) for when a table would not fit.
/// CSV writes plain numbers (`String(n)`) instead.
enum NumberFormat {
    /// `1234567` → `1,234,567`.
    static func grouped(_ value: some BinaryInteger) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// `part` as a whole percent of `whole` (`42`), or `-` when `whole` is 0.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "-" }
        return String(Int((Double(part) * 100 / Double(whole)).rounded()))
    }

    /// `999` → `999`, `12345` → `12k`, `1234567` → `1.2M`: at most four characters.
    static func compact(_ value: Int) -> String {
        let magnitude = value.magnitude
        let sign = value < 0 ? "-" : ""
        switch magnitude {
        case ..<1_000: return String(value)
        case ..<10_000: return sign + oneDecimal(Double(magnitude) / 1_000) + "k"
        case ..<1_000_000: return sign + String(magnitude / 1_000) + "k"
        case ..<10_000_000: return sign + oneDecimal(Double(magnitude) / 1_000_000) + "M"
        default: return sign + String(magnitude / 1_000_000) + "M"
        }
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.down))
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// An in-kind quantity: `10 kg`, `2.5 l`.
    static func quantity(_ value: Double, unit: String?) -> String {
        let number = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        guard let unit, !unit.isEmpty else { return number }
        return "\(number) \(unit)"
    }
}
