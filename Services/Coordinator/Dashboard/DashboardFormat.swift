import EntasAPI
import EntasDomain
import Foundation

/// How the dashboard writes numbers, money, shares and times: fixed, locale-free formats, so a page reads
/// the same on every server (`12,827`, `Rp 1,250,000`, `42%`, `2027-01-24 08:15 WIB`).
enum DashboardFormat {
    /// `12827` → `12,827`.
    static func count(_ value: Int) -> String { grouped(Int64(value)) }

    /// `12827` → `12,827`.
    static func count(_ value: Int64) -> String { grouped(value) }

    /// `Rp 1,250,000`.
    static func rupiah(_ value: Int64) -> String { "Rp " + grouped(value) }

    /// `part` of `whole` as a whole percentage (`42%`); `–` when `whole` is 0.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "–" }
        return "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
    }

    /// The share `part` of `whole` is, from 0 to 1 (0 when `whole` is 0).
    static func share(_ part: Int, of whole: Int) -> Double {
        guard whole > 0 else { return 0 }
        return min(max(Double(part) / Double(whole), 0), 1)
    }

    /// Western Indonesian Time, UTC+7, where the programme runs.
    static let wib = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt

    /// `2027-01-24 08:15 WIB`.
    static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = wib
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(pad(parts.year ?? 0, 4))-\(pad(parts.month ?? 0, 2))-\(pad(parts.day ?? 0, 2)) "
            + "\(pad(parts.hour ?? 0, 2)):\(pad(parts.minute ?? 0, 2)) WIB"
    }

    /// `2027-01-24T01:15:00Z`, for a `<time datetime>` attribute.
    static func machineTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return "\(pad(parts.year ?? 0, 4))-\(pad(parts.month ?? 0, 2))-\(pad(parts.day ?? 0, 2))T"
            + "\(pad(parts.hour ?? 0, 2)):\(pad(parts.minute ?? 0, 2)):\(pad(parts.second ?? 0, 2))Z"
    }

    /// `2027-03` → `Mar 2027`.
    static func month(_ month: CalendarMonth) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[(month.month - 1) % 12]) \(month.year)"
    }

    /// `2027-03-15` → `15 Mar 2027`.
    static func day(_ day: CalendarDate) -> String {
        "\(day.day) \(month(CalendarMonth(day)))"
    }

    /// A status as the dashboard names it: `Sangat Miskin (SM)`.
    static func status(_ status: PovertyStatus?) -> String {
        guard let status else { return "not assessed" }
        return "\(status.label) (\(status.abbreviation))"
    }

    private static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var text = ""
        text.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
