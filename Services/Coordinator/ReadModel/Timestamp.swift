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

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    var description: String {
        let dayLength: Int64 = 86_400_000
        let days = milliseconds >= 0 ? milliseconds / dayLength : (milliseconds - dayLength + 1) / dayLength
        let inDay = Int(milliseconds - days * dayLength)
        let day = CalendarDate(daysSinceEpoch: Int(days))
        return "\(day)T\(Self.pad(inDay / 3_600_000, 2)):\(Self.pad(inDay / 60_000 % 60, 2)):"
            + "\(Self.pad(inDay / 1000 % 60, 2)).\(Self.pad(inDay % 1000, 3))Z"
    }

    /// Reads the text ``description`` writes; nil for anything else.
    init?(text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 24, bytes[10] == UInt8(ascii: "T"), bytes[23] == UInt8(ascii: "Z"),
            let day = try? CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = Self.number(bytes[11..<13]), let minute = Self.number(bytes[14..<16]),
            let second = Self.number(bytes[17..<19]), let milli = Self.number(bytes[20..<23]),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let inDay = ((hour * 60 + minute) * 60 + second) * 1000 + milli
        milliseconds = Int64(day.daysSinceEpoch) * 86_400_000 + Int64(inDay)
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

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
