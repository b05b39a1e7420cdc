import EntasDomain
import Foundation

/// Instants and days as the province's offices read them: Western Indonesia Time (WIB, UTC+7), in the
/// current language (`5 Januari 2027 08.01 WIB`; English keeps `2027-01-05 08:01:00 WIB`).
enum TimeFormat {
    /// `5 Januari 2027 08.01 WIB` / `2027-01-05 08:01:00 WIB`.
    static func wib(_ date: Date) -> String {
        Language.current == .english ? machine(date) : Language.current.time(date)
    }

    /// A day: `5 Januari 2027` / `2027-01-05`.
    static func day(_ day: CalendarDate) -> String {
        Language.current == .english ? day.description : Language.current.day(day)
    }

    /// A month: `Jan 2027` / `2027-01`.
    static func month(_ month: CalendarMonth) -> String {
        Language.current == .english ? month.description : Language.current.month(month)
    }

    /// `2027-01-05 08:01:00 WIB` in every language, for CSV.
    static func machine(_ date: Date) -> String {
        let day = CalendarDate(date)
        let seconds = Int((date.timeIntervalSince1970 + Double(CalendarDate.jakartaOffsetSeconds)).rounded(.down))
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        return "\(day) \(two(ofDay / 3600)):\(two(ofDay / 60 % 60)):\(two(ofDay % 60)) WIB"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
