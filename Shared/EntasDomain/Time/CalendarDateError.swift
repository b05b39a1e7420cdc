/// Why a text or numbers are not a calendar date.
public enum CalendarDateError: Error, Sendable, Hashable, CustomStringConvertible, MessageConvertible {
    /// The text is not shaped `YYYY-MM-DD`; `input` is a safe echo of it.
    case malformed(input: String)
    /// The numbers do not name a day (month 13, 31 April, 29 February of a common year, year 0).
    case outOfRange(year: Int, month: Int, day: Int)

    /// What was wrong and how to fix it, in the reader's language.
    public var message: Message {
        switch self {
        case .malformed(let input):
            Message("domain.date.malformed", .text(input))
        case .outOfRange(let year, let month, let day):
            Message("domain.date.outOfRange", .text(String(year)), .text(String(month)), .text(String(day)))
        }
    }

    /// The English text, for logs.
    public var description: String { message.description }
}
