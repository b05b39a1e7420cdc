import EntasDomain

/// A disbursed loan's standing on a day: equal monthly instalments of principal, the first
/// due one month after disbursement; arrears (tunggakan) are what was due and not paid.
struct LoanPosition: Codable, Sendable, Equatable {
    var asOf: CalendarDate
    var instalmentRupiah: Int64
    var instalmentsDue: Int
    var dueRupiah: Int64
    var paidRupiah: Int64
    var outstandingRupiah: Int64
    var arrearsRupiah: Int64
    /// Whole instalments behind (a part instalment counts as one).
    var instalmentsInArrears: Int

    init(principal: Int64, termMonths: Int, disbursedOn: CalendarDate, repayments: [Repayment], asOf: CalendarDate) {
        self.asOf = asOf
        instalmentRupiah = (principal + Int64(termMonths) - 1) / Int64(termMonths)
        instalmentsDue = min(termMonths, max(0, Self.wholeMonths(from: disbursedOn, to: asOf)))
        dueRupiah = min(principal, instalmentRupiah * Int64(instalmentsDue))
        paidRupiah = repayments.filter { $0.paidOn <= asOf }.reduce(0) { $0 + $1.amountRupiah }
        outstandingRupiah = max(0, principal - paidRupiah)
        arrearsRupiah = max(0, dueRupiah - paidRupiah)
        instalmentsInArrears = Int((arrearsRupiah + instalmentRupiah - 1) / instalmentRupiah)
    }

    /// Whole months from `start` to `end`: 2027-01-15 → 2027-02-15 is 1, → 2027-02-14 is 0.
    static func wholeMonths(from start: CalendarDate, to end: CalendarDate) -> Int {
        let months = (end.year - start.year) * 12 + (end.month - start.month)
        // A start on the 31st falls due on the last day of shorter months.
        let dueDay = min(start.day, CalendarDate.daysInMonth(end.month, year: end.year))
        return end.day >= dueDay ? months : months - 1
    }
}
