import EntasAPI
import EntasDomain
import Foundation

/// How the dashboard writes numbers, money, shares and times: in the page's language (``Language/current``),
/// id-ID in Indonesian (`12.827`, `Rp1.250.000`, `3 Desember 2026 08.15 WIB`), its own in English
/// (`12,827`, `Rp 1,250,000`, `2027-01-24 08:15 WIB`).
enum DashboardFormat {
    /// `12827` → `12.827` / `12,827`.
    static func count(_ value: Int) -> String { Language.current.count(value) }

    /// `12827` → `12.827` / `12,827`.
    static func count(_ value: Int64) -> String { Language.current.count(value) }

    /// `Rp1.250.000` / `Rp 1,250,000`.
    static func rupiah(_ value: Int64) -> String { Language.current.rupiah(value) }

    /// `part` of `whole` as a whole percentage (`42%`); `–` when `whole` is 0.
    static func percent(_ part: Int, of whole: Int) -> String { Language.current.percent(part, of: whole) }

    /// The share `part` of `whole` is, from 0 to 1 (0 when `whole` is 0).
    static func share(_ part: Int, of whole: Int) -> Double {
        guard whole > 0 else { return 0 }
        return min(max(Double(part) / Double(whole), 0), 1)
    }

    /// `24 Januari 2027 08.15 WIB` / `2027-01-24 08:15 WIB`.
    static func time(_ date: Date) -> String { Language.current.time(date) }

    /// `2027-01-24T01:15:00Z`, for a `<time datetime>` attribute.
    static func machineTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return "\(pad(parts.year ?? 0, 4))-\(pad(parts.month ?? 0, 2))-\(pad(parts.day ?? 0, 2))T"
            + "\(pad(parts.hour ?? 0, 2)):\(pad(parts.minute ?? 0, 2)):\(pad(parts.second ?? 0, 2))Z"
    }

    /// `2027-03` → `Mar 2027`; `2026-12` → `Des 2026` / `Dec 2026`.
    static func month(_ month: CalendarMonth) -> String { Language.current.month(month) }

    /// `2027-03-15` → `15 Maret 2027` / `15 Mar 2027`.
    static func day(_ day: CalendarDate) -> String { Language.current.day(day) }

    /// A status as the dashboard names it: `Sangat Miskin (SM)`; "not assessed" in the page's language.
    static func status(_ status: PovertyStatus?) -> String {
        guard let status else { return Message("dashboard.status.notAssessed").rendered() }
        return "\(status.label) (\(status.abbreviation))"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
