/// One line of the bench's table: what was measured, its value and unit, how it compares.
struct Figure: Codable, Sendable {
    /// The item: "1" to "7".
    var item: String
    var figure: String
    var value: Double
    var unit: String
    /// A comparison measured in the same run, e.g. "0.12× C limit".
    var ratio: String?
    /// How it was measured: counts and durations.
    var detail: String
    /// The target it is checked against and whether this run met it (``BenchTarget``); nil when none.
    var target: String? = nil

    /// The value as the table shows it.
    var formattedValue: String {
        switch unit {
        case "events/s", "households/s", "MB": Self.grouped(Int(value.rounded()))
        case "ms": String(format: "%.2f", value)
        default: String(format: "%.1f", value)
        }
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (number < 0 ? "-" : "") + out
    }

    /// `x / y` as "0.12×".
    static func ratio(_ x: Double, _ y: Double) -> String {
        guard y > 0 else { return "n/a" }
        let value = x / y
        return String(format: value >= 10 ? "%.1f×" : value >= 0.1 ? "%.2f×" : "%.3f×", value)
    }
}
