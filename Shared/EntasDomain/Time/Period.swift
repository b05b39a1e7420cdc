/// A reporting period: a whole year (`"2027"`), a quarter (`"2027-Q1"`, triwulan) or a month (`"2027-03"`).
/// Commitments and deliveries name the period they count towards. Codable as that string.
///
/// Periods order by their first day, and a longer period before a shorter one starting the same day
/// (`2027` < `2027-Q1` < `2027-01` < `2027-02`).
public struct Period: Sendable, Hashable, Comparable, TextCodable, CustomStringConvertible {
    /// The length of a period.
    public enum Unit: Sendable, Hashable {
        /// Tahun: a calendar year.
        case year
        /// Triwulan: quarter 1–4.
        case quarter(Int)
        /// Bulan: month 1–12.
        case month(Int)
    }

    /// The calendar year, 1–9999.
    public let year: Int
    /// Year, quarter or month, with its number.
    public let unit: Unit

    /// A whole year.
    public init(year: Int) throws(PeriodError) {
        guard (1...9999).contains(year) else { throw .outOfRange(year: year, unit: "year", number: nil) }
        self.year = year
        unit = .year
    }

    /// Quarter `quarter` (1–4) of `year`.
    public init(year: Int, quarter: Int) throws(PeriodError) {
        guard (1...9999).contains(year), (1...4).contains(quarter) else {
            throw .outOfRange(year: year, unit: "quarter", number: quarter)
        }
        self.year = year
        unit = .quarter(quarter)
    }

    /// Month `month` (1–12) of `year`.
    public init(year: Int, month: Int) throws(PeriodError) {
        guard (1...9999).contains(year), (1...12).contains(month) else {
            throw .outOfRange(year: year, unit: "month", number: month)
        }
        self.year = year
        unit = .month(month)
    }

    /// Parses `"YYYY"`, `"YYYY-Qn"` or `"YYYY-MM"`.
    public init(_ string: String) throws(PeriodError) {
        let bytes = Array(string.utf8)
        guard bytes.count >= 4, let year = bytes.count <= 7 ? DigitParsing.number(bytes[0..<4]) : nil else {
            throw .malformed(input: SafeEcho.text(string))
        }
        switch bytes.count {
        case 4:
            try self.init(year: year)
        case 7 where bytes[4] == UInt8(ascii: "-") && bytes[5] == UInt8(ascii: "Q"):
            guard let quarter = DigitParsing.number(bytes[6..<7]) else {
                throw .malformed(input: SafeEcho.text(string))
            }
            try self.init(year: year, quarter: quarter)
        case 7 where bytes[4] == UInt8(ascii: "-"):
            guard let month = DigitParsing.number(bytes[5..<7]) else { throw .malformed(input: SafeEcho.text(string)) }
            try self.init(year: year, month: month)
        default:
            throw .malformed(input: SafeEcho.text(string))
        }
    }

    /// The period that holds `date` with the given unit's length (the number in `unit` is ignored).
    public static func containing(_ date: CalendarDate, as unit: Unit) -> Period {
        // A valid CalendarDate always gives a valid period.
        switch unit {
        case .year: Period(checkedYear: date.year, unit: .year)
        case .quarter: Period(checkedYear: date.year, unit: .quarter(date.quarter))
        case .month: Period(checkedYear: date.year, unit: .month(date.month))
        }
    }

    private init(checkedYear: Int, unit: Unit) {
        year = checkedYear
        self.unit = unit
    }

    /// The first day of the period.
    public var firstDay: CalendarDate {
        CalendarDate(daysSinceEpoch: Self.days(year: year, month: firstMonth, day: 1))
    }

    /// The last day of the period.
    public var lastDay: CalendarDate {
        let month = lastMonth
        return CalendarDate(
            daysSinceEpoch: Self.days(year: year, month: month, day: CalendarDate.daysInMonth(month, year: year)))
    }

    /// True when `date` lies in the period.
    public func contains(_ date: CalendarDate) -> Bool { firstDay <= date && date <= lastDay }

    /// True when `other` lies wholly inside this period (a month inside its quarter and year).
    public func contains(_ other: Period) -> Bool { firstDay <= other.firstDay && other.lastDay <= lastDay }

    /// `"2027"`, `"2027-Q1"` or `"2027-03"`.
    public var description: String {
        let yearText = DigitParsing.padded(year, 4)
        switch unit {
        case .year: return yearText
        case .quarter(let quarter): return "\(yearText)-Q\(quarter)"
        case .month(let month): return "\(yearText)-\(DigitParsing.padded(month, 2))"
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        if lhs.firstDay != rhs.firstDay { return lhs.firstDay < rhs.firstDay }
        return lhs.lastDay > rhs.lastDay
    }

    private var firstMonth: Int {
        switch unit {
        case .year: 1
        case .quarter(let quarter): quarter * 3 - 2
        case .month(let month): month
        }
    }

    private var lastMonth: Int {
        switch unit {
        case .year: 12
        case .quarter(let quarter): quarter * 3
        case .month(let month): month
        }
    }

    private static func days(year: Int, month: Int, day: Int) -> Int {
        // Year, month and day come from a validated period, so the date exists.
        (try? CalendarDate(year: year, month: month, day: day))?.daysSinceEpoch ?? 0
    }
}

extension Period {
    public static func parse(_ text: String) throws(PeriodError) -> Period { try Period(text) }
    public var jsonText: String { description }
}
