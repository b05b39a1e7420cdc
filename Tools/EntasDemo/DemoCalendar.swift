import EntasDomain

/// The dates of the demo's cycle, all within 2025–2026.
enum DemoCalendar {
    /// Assessments: 6 January to 31 October 2025.
    static let assessments = day(2025, 1, 6)...day(2025, 10, 31)
    /// Enrolments by a cluster that did not assess: 6 January to 15 December 2025 (a cluster that assessed
    /// enrols 3–45 days after its visit).
    static let enrolments = day(2025, 1, 6)...day(2025, 12, 15)
    /// The last quarter deliveries count towards.
    static let lastDeliveryQuarter = Period.containing(day(2026, 3, 31), as: .quarter(1))
    /// Referrals: 5 January to 23 February 2026 (answers 2–21 days later, follow-up enrolments 1–10 days
    /// after that, all before April).
    static let referrals = day(2026, 1, 5)...day(2026, 2, 23)
    /// Graduations: 1 April to 30 June 2026, after every delivery.
    static let graduations = day(2026, 4, 1)...day(2026, 6, 30)

    /// A date known to exist.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        (try? CalendarDate(year: year, month: month, day: day)) ?? CalendarDate(daysSinceEpoch: 0)
    }

    /// A uniform day in `range`.
    static func draw(_ range: ClosedRange<CalendarDate>, using generator: inout SplitMix64) -> CalendarDate {
        let first = range.lowerBound.daysSinceEpoch
        return CalendarDate(daysSinceEpoch: first + generator.next(below: range.upperBound.daysSinceEpoch - first + 1))
    }

    /// The quarter after `period`'s.
    static func nextQuarter(after period: Period) -> Period {
        Period.containing(period.lastDay.adding(days: 1), as: .quarter(1))
    }
}
