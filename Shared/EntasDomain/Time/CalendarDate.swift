import Foundation

/// A day in the Gregorian calendar without a time or a time zone (tanggal), such as the day a benefit was
/// delivered. Codable as `"YYYY-MM-DD"`; years 1–9999.
///
/// Converting an instant to a day (``init(_:)``, ``today(now:)``) uses Western Indonesia Time (WIB,
/// Asia/Jakarta, UTC+7, no daylight saving), the time of the province's offices: 23:30 UTC on 1 March is
/// already 2 March in Surabaya.
public struct CalendarDate: Sendable, Hashable, Comparable, TextCodable, CustomStringConvertible {
    /// The year, 1–9999.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// WIB's offset from UTC, in seconds (7 hours).
    public static let jakartaOffsetSeconds = 7 * 3600

    /// A validated date.
    /// - Throws: ``CalendarDateError/outOfRange(year:month:day:)`` when the day does not exist.
    public init(year: Int, month: Int, day: Int) throws(CalendarDateError) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysInMonth(month, year: year)).contains(day)
        else { throw .outOfRange(year: year, month: month, day: day) }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `"YYYY-MM-DD"` (exactly that shape, ASCII digits).
    public init(_ string: String) throws(CalendarDateError) {
        var text = string
        guard let parts = text.withUTF8({ Self.parts(of: $0, at: 0) }), parts.end == text.utf8.count else {
            throw .malformed(input: SafeEcho.text(string))
        }
        try self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// The year, month and day of the `YYYY-MM-DD` at `bytes[start...]`, and the index after it; nil when the
    /// bytes there are not of that shape (the numbers are not checked against the calendar).
    public static func parts(of bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (year: Int, month: Int, day: Int, end: Int)? {
        guard start >= 0, bytes.count - start >= 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            let year = DigitParsing.number(bytes, start..<start + 4),
            let month = DigitParsing.number(bytes, start + 5..<start + 7),
            let day = DigitParsing.number(bytes, start + 8..<start + 10)
        else { return nil }
        return (year, month, day, start + 10)
    }

    /// Writes the date as `YYYY-MM-DD` (always 10 bytes: years are 1–9999) at `buffer[start...]`.
    public func write(into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        DigitParsing.write(year, width: 4, into: buffer, at: start)
        buffer[start + 4] = UInt8(ascii: "-")
        DigitParsing.write(month, width: 2, into: buffer, at: start + 5)
        buffer[start + 7] = UInt8(ascii: "-")
        DigitParsing.write(day, width: 2, into: buffer, at: start + 8)
    }

    /// The day that `date` falls on in Jakarta (WIB, UTC+7); instants outside years 1–9999 give the
    /// first or last day of that range.
    public init(_ date: Date) {
        let interval = date.timeIntervalSince1970
        let bounded = interval.isNaN ? 0 : min(max(interval, -1e14), 1e14)
        let seconds = Int64(bounded.rounded(.down)) + Int64(Self.jakartaOffsetSeconds)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        self.init(daysSinceEpoch: Int(days))
    }

    /// Today in Jakarta (WIB).
    public static func today(now: Date = Date()) -> CalendarDate { CalendarDate(now) }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `daysSinceEpoch` days after 1970-01-01, clamped to years 1–9999.
    public init(daysSinceEpoch: Int) {
        let days = min(max(daysSinceEpoch, -719_162), 2_932_896)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Midnight at the start of this day in Jakarta (WIB), as an instant.
    public var startInJakarta: Date {
        Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch * 86_400 - Self.jakartaOffsetSeconds))
    }

    /// The quarter (1–4) the month belongs to.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// `"YYYY-MM-DD"`.
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            write(into: buffer, at: 0)
            return 10
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// True for Gregorian leap years.
    public static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// The number of days in `month` (1–12) of `year`; 0 for a month outside 1–12.
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }
}

extension CalendarDate {
    public static func parse(_ text: String) throws(CalendarDateError) -> CalendarDate { try CalendarDate(text) }
    public var jsonText: String { description }
}
