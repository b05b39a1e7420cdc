import Foundation

/// How each language writes numbers, money, days and times. Indonesian as id-ID writes them (`12.827`,
/// `72,5%`, `Rp750.000`, `3 Desember 2026`, `14.05 WIB`); English keeps its own (`12,827`, `72.5%`,
/// `Rp 750,000`, `3 Dec 2026`, `2026-12-03 14:05 WIB`). Times are always Western Indonesia Time (WIB).
extension Language {
    /// Foundation's locale for the language's formats.
    public var locale: Locale {
        switch self {
        case .indonesian: Self.indonesianLocale
        case .english: Self.englishLocale
        }
    }

    private static let indonesianLocale = Locale(identifier: "id_ID")
    private static let englishLocale = Locale(identifier: "en_US")

    /// `12827` → `12.827` / `12,827`.
    public func count(_ value: some BinaryInteger) -> String {
        Int64(clamping: value).formatted(.number.grouping(.automatic).locale(locale))
    }

    /// `72.5` → `72,5` / `72.5` with exactly `digits` decimals.
    public func decimal(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "–" }
        return value.formatted(.number.precision(.fractionLength(max(0, min(digits, 6)))).locale(locale))
    }

    /// A fraction (`0.725`) as a percentage: `72,5%` / `72.5%`.
    public func percent(_ fraction: Double, digits: Int = 0) -> String {
        guard fraction.isFinite else { return "–" }
        return decimal(fraction * 100, digits: digits) + "%"
    }

    /// `part` of `whole` as a whole percentage (`42%`); `–` when `whole` is 0.
    public func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "–" }
        return "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
    }

    /// `Rp750.000` / `Rp 750,000`.
    public func rupiah(_ value: Int64) -> String {
        switch self {
        case .indonesian: (value < 0 ? "-Rp" : "Rp") + count(value.magnitude)
        case .english: (value < 0 ? "-Rp " : "Rp ") + count(value.magnitude)
        }
    }

    /// Month names: `Desember` / `December` (`Des` / `Dec` abbreviated), as Foundation's calendar names them.
    public func monthName(_ month: Int, abbreviated: Bool = false) -> String {
        let names = Self.monthNames[self]?[abbreviated ? 1 : 0] ?? []
        let index = ((month - 1) % 12 + 12) % 12
        return names.indices.contains(index) ? names[index] : String(month)
    }

    private static let monthNames: [Language: [[String]]] = Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
        var calendar = Calendar(identifier: .gregorian)
        calendar.locale = language.locale
        return (language, [calendar.monthSymbols, calendar.shortMonthSymbols])
    })

    /// `3 Desember 2026` / `3 Dec 2026`.
    public func day(_ day: CalendarDate) -> String {
        "\(day.day) \(monthName(day.month, abbreviated: self == .english)) \(day.year)"
    }

    /// `Des 2026` / `Dec 2026`.
    public func month(_ month: CalendarMonth) -> String {
        "\(monthName(month.month, abbreviated: true)) \(month.year)"
    }

    /// An instant in WIB: `3 Desember 2026 14.05 WIB` / `2026-12-03 14:05 WIB`.
    public func time(_ date: Date) -> String {
        let day = CalendarDate(date)
        let seconds = Int((date.timeIntervalSince1970 + Double(CalendarDate.jakartaOffsetSeconds)).rounded(.down))
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        let hour = Self.two(ofDay / 3600), minute = Self.two(ofDay / 60 % 60)
        switch self {
        case .indonesian: return "\(self.day(day)) \(hour).\(minute) WIB"
        case .english: return "\(day) \(hour):\(minute) WIB"
        }
    }

    /// Yes or no, as a table cell says it.
    public func yesNo(_ value: Bool) -> String {
        Message(value ? "common.yes" : "common.no").rendered(in: self)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
