import EntasDomain
import Foundation
import Testing

@Suite struct NIKTests {
    @Test("a woman's NIK has day + 40: 55 means the 15th")
    func femaleDay() throws {
        let nik = try NIK("3509315507850003")
        #expect(nik.sex == .female)
        #expect(nik.birthDay == 15)
        #expect(nik.birthMonth == 7)
        #expect(nik.birthYearTwoDigits == 85)
        #expect(nik.kecamatanCode == (try RegionCode("35.09.31")))
    }

    @Test("a man's NIK has the plain day")
    func maleDay() throws {
        let nik = try NIK("3509311507850001")
        #expect(nik.sex == .male)
        #expect(nik.birthDay == 15)
    }

    @Test(
        "valid dates at the edges are accepted",
        arguments: [
            "3509310101000001", "3509313112990001", "3509314101000001", "3509317112990001",
            "3509312902000001", "3509312902840001", "3509316902960001", "3509313004010001",
        ])
    func edgeDates(input: String) {
        #expect(throws: Never.self) { try NIK(input) }
    }

    @Test("printing shows only the masked form")
    func masked() throws {
        let nik = try Fixtures.nik
        #expect(nik.masked == "350931******0003")
        #expect("\(nik)" == "350931******0003")
        var dumped = ""
        dump(nik, to: &dumped)
        #expect(!dumped.contains(Fixtures.nikText))
        #expect(!String(reflecting: nik).contains(Fixtures.nikText))
    }

    @Test(
        "each broken rule gives its own error",
        arguments: [
            ("350931550785000", IdentityNumberError.wrongLength(field: "nik", length: 15)),
            ("350931550785000x", .nonDigit(field: "nik")),
            ("3509995507850003", .unknownKecamatan(field: "nik", prefix: "350999")),
            ("3509315507850000", .zeroSequence(field: "nik")),
        ])
    func invalid(input: String, expected: IdentityNumberError) {
        #expect(throws: expected) { try NIK(input) }
    }

    @Test(
        "impossible birth dates are rejected",
        arguments: [
            "3509313102850001",  // 31 February
            "3509317102850001",  // 31 February, woman
            "3509312902850001",  // 29 February, 85 is never a leap year
            "3509313104850001",  // 31 April
            "3509310001850001",  // day 00
            "3509313201850001",  // day 32
            "3509314001850001",  // day 40
            "3509317201850001",  // day 72
            "3509319901850001",  // day 99
            "3509311500850001",  // month 00
            "3509311513850001",  // month 13
        ])
    func impossibleDates(input: String) throws {
        let error = try #require(throws: IdentityNumberError.self) { try NIK(input) }
        guard case .invalidBirthDate(let field, _) = error else {
            Issue.record("expected invalidBirthDate, got \(error)")
            return
        }
        #expect(field == "nik")
        #expect(!error.description.contains(input))
    }

    @Test("a NIK is Codable as its digits and decoding validates")
    func codable() throws {
        let nik = try Fixtures.nik
        let json = try JSONEncoder().encode([nik])
        #expect(String(decoding: json, as: UTF8.self) == #"["3509315507850003"]"#)
        #expect(try JSONDecoder().decode([NIK].self, from: json) == [nik])
        let error = try #require(throws: DecodingError.self) {
            try JSONDecoder().decode([NIK].self, from: Data(#"["3509313102850001"]"#.utf8))
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
        #expect(context.underlyingError is IdentityNumberError)
    }
}
