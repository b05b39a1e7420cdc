import EntasAPI
import EntasDomain
import Foundation
import GRDB

/// An instant kept to the millisecond, as `ce_time` carries it, stored as RFC 3339 text in UTC
/// (`2027-03-15T02:30:00.000Z`).
///
/// The read model orders facts by event time (and breaks ties by event id), so a time must read back exactly
/// as it was written: GRDB's `Date` text goes through floating point and a formatter that may lose the last
/// millisecond, whereas this fixed-width text is exact and sorts like the instant it names.
struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, DatabaseValueConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    let milliseconds: Int64

    init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// `date` cut down to the millisecond (an envelope's time already is).
    init(_ date: Date) {
        let value = (date.timeIntervalSince1970 * 1000).rounded(.down)
        milliseconds = value.isFinite ? Int64(max(min(value, 2.5e14), -6.2e13)) : 0
    }

    /// The instant as a `Date`.
    var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// The day this instant falls on in Jakarta (WIB), the day the read model files an event without a date
    /// of its own under (a registration, an update).
    var jakartaDay: CalendarDate { CalendarDate(date) }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` (always 24 bytes: the day is clamped to years 1–9999).
    var description: String {
        let dayLength: Int64 = 86_400_000
        let days = milliseconds >= 0 ? milliseconds / dayLength : (milliseconds - dayLength + 1) / dayLength
        let inDay = Int(milliseconds - days * dayLength)
        let day = CalendarDate(daysSinceEpoch: Int(days))
        return String(unsafeUninitializedCapacity: 24) { buffer in
            day.write(into: buffer, at: 0)
            buffer[10] = UInt8(ascii: "T")
            DigitParsing.write(inDay / 3_600_000, width: 2, into: buffer, at: 11)
            buffer[13] = UInt8(ascii: ":")
            DigitParsing.write(inDay / 60_000 % 60, width: 2, into: buffer, at: 14)
            buffer[16] = UInt8(ascii: ":")
            DigitParsing.write(inDay / 1000 % 60, width: 2, into: buffer, at: 17)
            buffer[19] = UInt8(ascii: ".")
            DigitParsing.write(inDay % 1000, width: 3, into: buffer, at: 20)
            buffer[23] = UInt8(ascii: "Z")
            return 24
        }
    }

    /// Reads the text ``description`` writes; nil for anything else.
    init?(text: String) {
        var text = text
        guard let value = text.withUTF8(Self.milliseconds(in:)) else { return nil }
        milliseconds = value
    }

    /// The instant `bytes` name as ``description`` writes it, in milliseconds; nil for anything else.
    private static func milliseconds(in bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count == 24, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "Z"),
            let parts = CalendarDate.parts(of: bytes, at: 0),
            let day = try? CalendarDate(year: parts.year, month: parts.month, day: parts.day),
            let hour = DigitParsing.number(bytes, 11..<13), let minute = DigitParsing.number(bytes, 14..<16),
            let second = DigitParsing.number(bytes, 17..<19), let milli = DigitParsing.number(bytes, 20..<23),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let inDay = ((hour * 60 + minute) * 60 + second) * 1000 + milli
        return Int64(day.daysSinceEpoch) * 86_400_000 + Int64(inDay)
    }

    static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.milliseconds < rhs.milliseconds }

    var databaseValue: DatabaseValue { description.databaseValue }

    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Timestamp? {
        String.fromDatabaseValue(dbValue).flatMap { Timestamp(text: $0) }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(text: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an instant written as YYYY-MM-DDTHH:MM:SS.mmmZ")
        }
        self = value
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
