/// Why a text or numbers are not a reporting period.
public enum PeriodError: Error, Sendable, Hashable, CustomStringConvertible, MessageConvertible {
    /// The text is not `YYYY`, `YYYY-Qn` or `YYYY-MM`; `input` is a safe echo of it.
    case malformed(input: String)
    /// The year is outside 1–9999, or the quarter outside 1–4, or the month outside 1–12.
    case outOfRange(year: Int, unit: String, number: Int?)

    /// What was wrong and how to fix it, in the reader's language.
    public var message: Message {
        switch self {
        case .malformed(let input):
            return Message("domain.period.malformed", .text(input))
        case .outOfRange(let year, let unit, let number):
            let yearText: Message.Argument = .text(String(year))
            guard let number else { return Message("domain.period.outOfRange", yearText) }
            switch unit {
            case "quarter": return Message("domain.period.outOfRange.quarter", yearText, .text(String(number)))
            case "month": return Message("domain.period.outOfRange.month", yearText, .text(String(number)))
            default: return Message("domain.period.outOfRange.unit", yearText, .text(unit), .text(String(number)))
            }
        }
    }

    /// The English text, for logs.
    public var description: String { message.description }
}
