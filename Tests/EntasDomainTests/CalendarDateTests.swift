import EntasDomain
import Foundation
import Testing

@Suite struct CalendarDateTests {
    @Test("dates parse from and print as YYYY-MM-DD")
    func roundTrip() throws {
        let date = try CalendarDate("2028-02-29")
        #expect(date.year == 2028 && date.month == 2 && date.day == 29)
        #expect(date.description == "2028-02-29")
        let json = try JSONEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == #"["2028-02-29"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: json) == [date])
    }

    @Test(
        "malformed or impossible dates are rejected",
        arguments: [
            "2027-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "2027-1-01", "27-01-01", "2027/01/01",
            "2027-01-01T00",
            "", "0000-01-01", "2100-02-29", "２０２７-01-01",
        ])
    func rejected(input: String) {
        #expect(throws: CalendarDateError.self) { try CalendarDate(input) }
    }

    @Test("an instant becomes the day it is in Jakarta (UTC+7)")
    func jakartaDay() throws {
        let lateUTC = Date(timeIntervalSince1970: 1_803_857_400)  // 2027-02-28T23:30:00Z
        #expect(CalendarDate(lateUTC).description == "2027-03-01")
        let earlyUTC = Date(timeIntervalSince1970: 1_803_787_200)  // 2027-02-28T04:00:00Z
        #expect(CalendarDate(earlyUTC).description == "2027-02-28")
        #expect(CalendarDate(Date(timeIntervalSince1970: -25_200)).description == "1970-01-01")
        #expect(CalendarDate(Date(timeIntervalSince1970: -25_201)).description == "1969-12-31")
        #expect(try CalendarDate("2027-03-01").startInJakarta == Date(timeIntervalSince1970: 1_803_834_000))
    }

    @Test("day arithmetic crosses months, years and leap days")
    func arithmetic() throws {
        #expect(try CalendarDate("2028-02-28").adding(days: 1).description == "2028-02-29")
        #expect(try CalendarDate("2027-12-31").adding(days: 1).description == "2028-01-01")
        #expect(try CalendarDate("1970-01-01").daysSinceEpoch == 0)
        #expect(try CalendarDate("2000-03-01").adding(days: -1).description == "2000-02-29")
        for days in stride(from: -719_000, through: 2_900_000, by: 9_973) {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test("every day of years 1–9999 prints as zero-padded YYYY-MM-DD and parses back")
    func textOfEveryKindOfDay() throws {
        func reference(_ date: CalendarDate) -> String {
            func padded(_ value: Int, _ width: Int) -> String {
                String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
            }
            return "\(padded(date.year, 4))-\(padded(date.month, 2))-\(padded(date.day, 2))"
        }
        var days = Array(stride(from: -719_162, through: 2_932_896, by: 997)) + [-719_162, 2_932_896, 0, -1, 20_819]
        var random = SystemRandomNumberGenerator()
        days += (0..<2_000).map { _ in Int.random(in: -719_162...2_932_896, using: &random) }
        for day in days {
            let date = CalendarDate(daysSinceEpoch: day)
            #expect(date.description == reference(date))
            #expect(try CalendarDate(date.description) == date)
        }
        #expect(CalendarDate(daysSinceEpoch: -719_162).description == "0001-01-01")
        #expect(CalendarDate(daysSinceEpoch: 2_932_896).description == "9999-12-31")
    }

    @Test("dates order chronologically")
    func ordering() throws {
        #expect(try CalendarDate("2027-01-31") < CalendarDate("2027-02-01"))
        #expect(try CalendarDate("2026-12-31") < CalendarDate("2027-01-01"))
    }

    @Test("extreme instants do not trap")
    func extremes() {
        _ = CalendarDate(Date.distantFuture)
        _ = CalendarDate(Date.distantPast)
        _ = CalendarDate(Date(timeIntervalSince1970: .infinity))
        _ = CalendarDate(Date(timeIntervalSince1970: .nan))
    }
}

@Suite struct PeriodTests {
    @Test(
        "years, quarters and months parse and print", arguments: ["2027", "2027-Q1", "2027-Q4", "2027-03", "2027-12"])
    func roundTrip(text: String) throws {
        let period = try Period(text)
        #expect(period.description == text)
        let json = try JSONEncoder().encode([period])
        #expect(try JSONDecoder().decode([Period].self, from: json) == [period])
    }

    @Test("periods know their first and last day")
    func bounds() throws {
        let quarter = try Period("2028-Q1")
        #expect(quarter.firstDay.description == "2028-01-01")
        #expect(quarter.lastDay.description == "2028-03-31")
        #expect(try Period("2028-02").lastDay.description == "2028-02-29")
        #expect(try Period("2027").lastDay.description == "2027-12-31")
        #expect(quarter.contains(try CalendarDate("2028-02-29")))
        #expect(!quarter.contains(try CalendarDate("2028-04-01")))
        #expect(try Period("2028").contains(quarter))
        #expect(Period.containing(try CalendarDate("2027-08-17"), as: .quarter(1)).description == "2027-Q3")
    }

    @Test("periods order by start, longer first")
    func ordering() throws {
        let periods = try ["2027-02", "2027-Q1", "2027", "2027-01", "2026-12"].map { try Period($0) }
        #expect(periods.sorted().map(\.description) == ["2026-12", "2027", "2027-Q1", "2027-01", "2027-02"])
    }

    @Test(
        "bad periods give a typed error",
        arguments: [
            "", "27", "2027-Q5", "2027-Q0", "2027-q1", "2027-13", "2027-00", "2027-1", "2027-03-01", "0000", "2027Q1",
            "abcd",
        ])
    func rejected(input: String) {
        #expect(throws: PeriodError.self) { try Period(input) }
    }
}
