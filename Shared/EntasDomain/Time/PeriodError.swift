/// Why a text or numbers are not a reporting period.
public enum PeriodError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not `YYYY`, `YYYY-Qn` or `YYYY-MM`; `input` is a safe echo of it.
    case malformed(input: String)
    /// The year is outside 1–9999, or the quarter outside 1–4, or the month outside 1–12.
    case outOfRange(year: Int, unit: String, number: Int?)

    public var description: String {
        switch self {
        case .malformed(let input):
            "the period \"\(input)\" is not a year, quarter or month; write 2027, 2027-Q1 or 2027-03"
        case .outOfRange(let year, let unit, let number):
            "year \(year)\(number.map { ", \(unit) \($0)" } ?? "") is not a period (years 1–9999, quarters 1–4, "
                + "months 01–12); write 2027, 2027-Q1 or 2027-03"
        }
    }
}
