import EntasDomain
import Foundation
import GRDB

/// The text GRDB stores for a `Date` (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), made without GRDB's `DateFormatter`,
/// which cost more than the insert it served on the import's and the inbox's hot paths. Same text, so rows
/// written either way compare and decode alike.
enum DatabaseTimestamp {
    static func value(_ date: Date) -> DatabaseValue {
        // Rounded as Foundation hands the instant to the formatter: half a millisecond added, then floored
        // (so -0.5 ms rounds up, not away from zero).
        let milliseconds = (date.timeIntervalSince1970 * 1000 + 0.5).rounded(.down)
        // From 1900 to 9999 only (before the Gregorian reform the formatter's calendar differs); anything
        // else goes through GRDB.
        guard milliseconds.isFinite, milliseconds >= -2_208_988_800_000, milliseconds < 253_402_300_800_000 else {
            return date.databaseValue
        }
        let total = Int64(milliseconds)
        let dayLength: Int64 = 86_400_000
        let days = total >= 0 ? total / dayLength : (total - dayLength + 1) / dayLength
        let inDay = Int(total - days * dayLength)
        let day = CalendarDate(daysSinceEpoch: Int(days))
        // Written digit by digit into the string's own storage (called for several columns of every row an
        // import writes).
        let fields = [
            (day.year, 4, UInt8(ascii: "-")), (day.month, 2, UInt8(ascii: "-")), (day.day, 2, UInt8(ascii: " ")),
            (inDay / 3_600_000, 2, UInt8(ascii: ":")), (inDay / 60_000 % 60, 2, UInt8(ascii: ":")),
            (inDay / 1000 % 60, 2, UInt8(ascii: ".")), (inDay % 1000, 3, 0),
        ]
        let text = String(unsafeUninitializedCapacity: 23) { buffer in
            var end = 0
            for (value, width, separator) in fields {
                var rest = value
                for position in stride(from: end + width - 1, through: end, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                end += width
                if separator != 0 {
                    buffer[end] = separator
                    end += 1
                }
            }
            return end
        }
        return text.databaseValue
    }
}
