import Foundation

/// RFC 3339 / ISO-8601 instants as CloudEvents `time` uses them, kept to the millisecond.
///
/// Written in UTC with milliseconds (`2027-03-01T02:03:04.123Z`); read with or without a fraction, with `Z`
/// or a `±HH:MM` offset. Hand-written so that no input can trap and a written instant reads back identically.
enum InstantFormat {
    /// Milliseconds since 1970 of 0001-01-01T00:00:00Z and of the first instant after 9999-12-31.
    static let millisecondRange: Range<Int64> = -62_135_596_800_000..<253_402_300_800_000

    /// `date` cut down to the millisecond, or nil when outside years 1–9999.
    static func milliseconds(_ date: Date) -> Int64? {
        let value = (date.timeIntervalSince1970 * 1000).rounded(.down)
        guard value.isFinite, value >= Double(millisecondRange.lowerBound), value < Double(millisecondRange.upperBound)
        else { return nil }
        return Int64(value)
    }

    /// The instant of a millisecond count.
    static func date(milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// `date` cut down to the millisecond (unchanged when outside years 1–9999).
    static func truncated(_ date: Date) -> Date { milliseconds(date).map(Self.date(milliseconds:)) ?? date }

    /// `"YYYY-MM-DDTHH:MM:SS.mmmZ"`, or nil when outside years 1–9999.
    static func format(_ date: Date) -> String? {
        guard let total = milliseconds(date) else { return nil }
        let dayLength: Int64 = 86_400_000
        let days = total >= 0 ? total / dayLength : (total - dayLength + 1) / dayLength
        let inDay = Int(total - days * dayLength)
        let day = CalendarDate(daysSinceEpoch: Int(days))
        let hour = inDay / 3_600_000
        let minute = inDay / 60_000 % 60
        let second = inDay / 1000 % 60
        let milli = inDay % 1000
        return "\(day)T\(DigitParsing.padded(hour, 2)):\(DigitParsing.padded(minute, 2)):"
            + "\(DigitParsing.padded(second, 2)).\(DigitParsing.padded(milli, 3))Z"
    }

    /// The instant `text` names, cut down to the millisecond, or nil when it is not an RFC 3339 date-time.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 40,
            let day = try? CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let hour = DigitParsing.number(bytes[11..<13]), hour < 24,
            let minute = DigitParsing.number(bytes[14..<16]), minute < 60,
            let second = DigitParsing.number(bytes[17..<19]), second <= 60
        else { return nil }
        var index = 19
        var milli = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            guard index > start else { return nil }
            let firstThree = bytes[start..<min(start + 3, index)]
            guard let value = DigitParsing.number(firstThree) else { return nil }
            milli = value * [1, 100, 10, 1][firstThree.count]
        }
        guard index < bytes.count else { return nil }
        var offsetMinutes = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                let offsetHour = DigitParsing.number(bytes[(index + 1)..<(index + 3)]), offsetHour < 24,
                let offsetMinute = DigitParsing.number(bytes[(index + 4)..<(index + 6)]), offsetMinute < 60
            else { return nil }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        let seconds =
            Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetMinutes * 60)
        let total = seconds * 1000 + Int64(milli)
        guard millisecondRange.contains(total) else { return nil }
        return date(milliseconds: total)
    }
}
