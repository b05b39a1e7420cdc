/// A calendar month (bulan), the step of the coordinator's progress views. Codable and stored as
/// `"YYYY-MM"`, which sorts like the months it names.
public struct CalendarMonth: Sendable, Hashable, Comparable, TextCodable, CustomStringConvertible {
    /// The year, 1–9999.
    public let year: Int
    /// The month, 1–12.
    public let month: Int

    /// A validated month.
    /// - Throws: ``CalendarMonthError`` when the year is outside 1–9999 or the month outside 1–12.
    public init(year: Int, month: Int) throws(CalendarMonthError) {
        guard (1...9999).contains(year), (1...12).contains(month) else {
            throw .outOfRange(year: year, month: month)
        }
        self.year = year
        self.month = month
    }

    /// Parses `"YYYY-MM"`.
    public init(_ text: String) throws(CalendarMonthError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 7, parts.count == 2, parts[0].utf8.count == 4, parts[1].utf8.count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }),
            let year = Int(parts[0]), let month = Int(parts[1])
        else { throw .malformed(text.count <= 20 ? text : String(text.prefix(20)) + "…") }
        try self.init(year: year, month: month)
    }

    /// The month `date` falls in.
    public init(_ date: CalendarDate) {
        year = date.year
        month = date.month
    }

    /// The month after this one (December 9999 has none and stays itself).
    public var next: CalendarMonth {
        if month < 12 { return CalendarMonth(checkedYear: year, month: month + 1) }
        return year < 9999 ? CalendarMonth(checkedYear: year + 1, month: 1) : self
    }

    /// How many months from `self` to `other` (negative when `other` is earlier).
    public func months(to other: CalendarMonth) -> Int { (other.year - year) * 12 + other.month - month }

    /// `"YYYY-MM"`.
    public var description: String {
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + (month < 10 ? "-0" : "-")
            + String(month)
    }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    private init(checkedYear: Int, month: Int) {
        year = checkedYear
        self.month = month
    }
}

/// Why a text or numbers are not a ``CalendarMonth``.
public enum CalendarMonthError: Error, Sendable, Equatable, CustomStringConvertible, MessageConvertible {
    /// Not `YYYY-MM`.
    case malformed(String)
    /// A year outside 1–9999 or a month outside 1–12.
    case outOfRange(year: Int, month: Int)

    /// What was wrong and how to fix it, in the reader's language.
    public var message: Message {
        switch self {
        case .malformed(let text):
            Message("domain.month.malformed", .text(text))
        case .outOfRange(let year, let month):
            Message("domain.month.outOfRange", .text(String(year)), .text(String(month)))
        }
    }

    /// The English text, for logs.
    public var description: String { message.description }
}

extension CalendarMonth {
    public static func parse(_ text: String) throws(CalendarMonthError) -> CalendarMonth { try CalendarMonth(text) }
    public var jsonText: String { description }
}
