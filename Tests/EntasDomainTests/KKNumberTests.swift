import EntasDomain
import Foundation
import Testing

@Suite struct KKNumberTests {
    @Test("a Sumberjambe family card number is valid and knows its kecamatan")
    func valid() throws {
        let kk = try KKNumber("3509311203080001")
        #expect(kk.rawValue == "3509311203080001")
        #expect(kk.kecamatanCode == (try RegionCode("35.09.31")))
    }

    @Test("printing, interpolating and dumping show only the masked form")
    func masked() throws {
        let kk = try Fixtures.kk
        #expect(kk.masked == "350931******0001")
        #expect(kk.description == "350931******0001")
        #expect("\(kk)" == "350931******0001")
        #expect(!String(reflecting: kk).contains(Fixtures.kkText))
        var dumped = ""
        dump(kk, to: &dumped)
        #expect(!dumped.contains(Fixtures.kkText))
        #expect(!"\([kk])".contains(Fixtures.kkText))
    }

    @Test(
        "each broken rule gives its own error",
        arguments: [
            ("350931120308000", IdentityNumberError.wrongLength(field: "kkNumber", length: 15)),
            ("35093112030800011", .wrongLength(field: "kkNumber", length: 17)),
            ("", .wrongLength(field: "kkNumber", length: 0)),
            ("3509311203080001 ", .wrongLength(field: "kkNumber", length: 17)),
            ("35093112030800O1", .nonDigit(field: "kkNumber")),
            ("3509 11203080001", .nonDigit(field: "kkNumber")),
            ("350931120308000١", .nonDigit(field: "kkNumber")),
            // Counted as the characters a person typed, not as bytes.
            ("３５０９３１１２０３０８０００１", .nonDigit(field: "kkNumber")),
            ("350931120308000\u{0301}1", .nonDigit(field: "kkNumber")),
            ("35093112030800\r\n1", .nonDigit(field: "kkNumber")),
            ("35093112030800\u{0301}", .wrongLength(field: "kkNumber", length: 14)),
            ("3509991203080001", .unknownKecamatan(field: "kkNumber", prefix: "350999")),
            ("3609311203080001", .unknownKecamatan(field: "kkNumber", prefix: "360931")),
            ("0000001203080001", .unknownKecamatan(field: "kkNumber", prefix: "000000")),
        ])
    func invalid(input: String, expected: IdentityNumberError) {
        #expect(throws: expected) { try KKNumber(input) }
    }

    @Test(
        "error messages name the rule and never hold the full number",
        arguments: [
            "35093112030800011", "35093112030800O1", "3509991203080001",
        ])
    func errorsDoNotLeak(input: String) throws {
        let error = try #require(throws: IdentityNumberError.self) { try KKNumber(input) }
        #expect(!error.description.contains(input))
        #expect(!error.description.contains(Fixtures.kkText))
        #expect(error.description.hasPrefix("kkNumber: "))
        #expect(error.field == "kkNumber")
    }

    @Test("a KK number is Codable as its 16 digits and decoding validates")
    func codable() throws {
        let kk = try Fixtures.kk
        let json = try JSONEncoder().encode([kk])
        #expect(String(decoding: json, as: UTF8.self) == #"["3509311203080001"]"#)
        #expect(try JSONDecoder().decode([KKNumber].self, from: json) == [kk])
        let error = try #require(throws: DecodingError.self) {
            try JSONDecoder().decode([KKNumber].self, from: Data(#"["3509991203080001"]"#.utf8))
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
        #expect(
            context.underlyingError as? IdentityNumberError == .unknownKecamatan(field: "kkNumber", prefix: "350999"))
    }

    @Test("a custom reference decides which kecamatan exist")
    func customReference() throws {
        let reference = RegionReference(regions: [
            RegionReference.provinceRegion,
            Region(code: try RegionCode("35.01"), name: "Kabupaten Pacitan", kind: .kabupaten),
            Region(code: try RegionCode("35.01.01"), name: "Donorojo", kind: .kecamatan),
        ])
        #expect(throws: Never.self) { try KKNumber("3501011203080001", in: reference) }
        #expect(throws: IdentityNumberError.self) { try KKNumber(Fixtures.kkText, in: reference) }
    }

    @Test("KK numbers compare by their digits")
    func ordering() throws {
        let first = try KKNumber("3509311203080001")
        let second = try KKNumber("3509311203080002")
        #expect(first < second)
        #expect(Set([first, first, second]).count == 2)
    }

    @Test("the mask keeps six leading and four trailing characters of 16, fewer for shorter text")
    func maskRule() {
        #expect(IdentityNumberMask.mask("3509311203080001") == "350931******0001")
        #expect(IdentityNumberMask.mask("35093112030800011") == "350931*******0011")
        #expect(IdentityNumberMask.mask("350931120308") == "350931******")
        #expect(IdentityNumberMask.mask("3509") == "****")
        #expect(IdentityNumberMask.mask("") == "")
    }

    @Test("the mask counts characters, not bytes, in text that is not ASCII")
    func maskCountsCharacters() {
        // Full-width digits (three bytes each), an accented letter, and CR LF (one character of two bytes).
        #expect(IdentityNumberMask.mask("３５０９３１１２０３０８０００１") == "３５０９３１******０００１")
        #expect(IdentityNumberMask.mask("3509é1203080001xy") == "3509é1*******01xy")
        #expect(IdentityNumberMask.mask("350931\r\n") == "350931*")
        #expect(IdentityNumberMask.mask("3509311203080001"[...]) == "350931******0001")
    }
}
