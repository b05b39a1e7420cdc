/// Why a text or numbers are not a calendar date.
public enum CalendarDateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not shaped `YYYY-MM-DD`; `input` is a safe echo of it.
    case malformed(input: String)
    /// The numbers do not name a day (month 13, 31 April, 29 February of a common year, year 0).
    case outOfRange(year: Int, month: Int, day: Int)

    public var description: String {
        switch self {
        case .malformed(let input):
            "the date \"\(input)\" is not written YYYY-MM-DD; write it like 2027-03-15"
        case .outOfRange(let year, let month, let day):
            "year \(year), month \(month), day \(day) is not a calendar date (years 1–9999, months 1–12, and a day "
                + "the month has); check the date"
        }
    }
}
