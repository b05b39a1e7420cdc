import EntasDomain

/// How numbers are written in tables, as the current language writes them: thousands grouped
/// (`12.345` in Bahasa Indonesia, `12,345` in English), shares as whole percents, and a compact
/// form (`1,2M` / `1.2M`, `512k`) for when a table would not fit. CSV writes plain numbers
/// (`String(n)`) instead.
enum NumberFormat {
    /// `1234567` → `1.234.567` / `1,234,567`.
    static func grouped(_ value: some BinaryInteger) -> String {
        Language.current.count(value)
    }

    /// The current language's decimal separator: `,` in Bahasa Indonesia, `.` in English.
    static var decimalSeparator: String { Language.current == .indonesian ? "," : "." }

    /// A plain decimal number (`83.3`, as Swift writes it) with the current language's separator (`83,3`).
    static func decimal(_ text: String) -> String {
        decimalSeparator == "." ? text : text.replacingOccurrences(of: ".", with: decimalSeparator)
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
        return "\(tenths / 10)\(decimalSeparator)\(tenths % 10)"
    }

    /// An in-kind quantity: `10 kg`, `2.5 l`.
    static func quantity(_ value: Double, unit: String?) -> String {
        let number = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : decimal(String(value))
        guard let unit, !unit.isEmpty else { return number }
        return "\(number) \(unit)"
    }
}
