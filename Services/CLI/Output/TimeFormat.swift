import EntasDomain
import Foundation

/// Instants as the province's offices read them: Western Indonesia Time (WIB, UTC+7).
enum TimeFormat {
    /// `2027-01-05 08:01:00 WIB`.
    static func wib(_ date: Date) -> String {
        let day = CalendarDate(date)
        let seconds = Int((date.timeIntervalSince1970 + Double(CalendarDate.jakartaOffsetSeconds)).rounded(.down))
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        return "\(day) \(two(ofDay / 3600)):\(two(ofDay / 60 % 60)):\(two(ofDay % 60)) WIB"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
