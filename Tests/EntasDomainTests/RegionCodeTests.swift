import EntasDomain
import Foundation
import Testing

@Suite struct RegionCodeTests {
    @Test(
        "dotted and plain-digit forms give the same code at each level",
        arguments: [
            ("35", "35", RegionLevel.province),
            ("35.09", "3509", .kabupaten),
            ("35.09.31", "350931", .kecamatan),
            ("35.09.31.2006", "3509312006", .desa),
        ])
    func bothForms(dotted: String, digits: String, level: RegionLevel) throws {
        let fromDotted = try RegionCode(dotted)
        let fromDigits = try RegionCode(digits)
        #expect(fromDotted == fromDigits)
        #expect(fromDotted.dotted == dotted)
        #expect(fromDotted.digits == digits)
        #expect(fromDotted.level == level)
        #expect(fromDotted.description == dotted)
    }

    @Test("a desa's parent chain runs desa, kecamatan, kabupaten, province")
    func parentChain() throws {
        let desa = try RegionCode("35.09.31.2006")
        #expect(desa.parent == (try RegionCode("35.09.31")))
        #expect(desa.parent?.parent == (try RegionCode("35.09")))
        #expect(desa.parent?.parent?.parent == RegionCode.eastJava)
        #expect(RegionCode.eastJava.parent == nil)
        #expect(desa.ancestors.map(\.dotted) == ["35", "35.09", "35.09.31"])
        #expect(RegionCode.eastJava.ancestors.isEmpty)
    }

    @Test("isAncestor holds for strict ancestors only")
    func ancestry() throws {
        let kabupaten = try RegionCode("35.09")
        let desa = try RegionCode("35.09.31.2006")
        #expect(kabupaten.isAncestor(of: desa))
        #expect(RegionCode.eastJava.isAncestor(of: kabupaten))
        #expect(!desa.isAncestor(of: kabupaten))
        #expect(!kabupaten.isAncestor(of: kabupaten))
        #expect(!(try RegionCode("35.10")).isAncestor(of: desa))
        #expect(desa.isWithin(kabupaten))
        #expect(kabupaten.isWithin(kabupaten))
    }

    @Test("codes order parent first, then siblings by number")
    func ordering() throws {
        let codes = try ["35.09.31.2006", "35.09", "35.10", "35.09.31", "35", "35.09.31.2001"].map {
            try RegionCode($0)
        }
        #expect(codes.sorted().map(\.dotted) == ["35", "35.09", "35.09.31", "35.09.31.2001", "35.09.31.2006", "35.10"])
    }

    @Test("a code is Codable as its dotted string")
    func codable() throws {
        let code = try RegionCode("3509312006")
        let json = try JSONEncoder().encode([code])
        #expect(String(decoding: json, as: UTF8.self) == #"["35.09.31.2006"]"#)
        #expect(try JSONDecoder().decode([RegionCode].self, from: json) == [code])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RegionCode].self, from: Data(#"["36.01"]"#.utf8))
        }
    }

    @Test(
        "malformed codes are rejected",
        arguments: [
            "3", "350", "35093", "3509312", "35.9", "35.09.3", "35.09.31.206", "35.09.31.20061", "35..09", ".35",
            "35.", "35.09.31.2006.1", "35-09", "35 09", "3a", "35.0a", "٣٥", "35.09.31.2006x", "35093120061234567",
        ])
    func malformed(input: String) throws {
        let error = try #require(throws: RegionCodeError.self) { try RegionCode(input) }
        guard case .malformed = error else {
            Issue.record("expected malformed, got \(error)")
            return
        }
        #expect(error.description.contains("35.09.31.2006"))
    }

    @Test("an empty code is rejected")
    func empty() {
        #expect(throws: RegionCodeError.empty) { try RegionCode("") }
    }

    @Test("codes outside province 35 are rejected", arguments: ["11", "36.01", "330931", "12.09.31.2006"])
    func otherProvince(input: String) throws {
        let error = try #require(throws: RegionCodeError.self) { try RegionCode(input) }
        guard case .notEastJava = error else {
            Issue.record("expected notEastJava, got \(error)")
            return
        }
        #expect(error.description.contains("Jawa Timur"))
    }

    @Test("all-zero parts are rejected", arguments: ["35.00", "3500", "35.09.00", "35.09.31.0000", "3509310000"])
    func zeroParts(input: String) {
        #expect(throws: RegionCodeError.zeroSegment(input: input)) { try RegionCode(input) }
    }

    @Test("a long digit string in an error is masked, never echoed whole")
    func longInputMasked() throws {
        let error = try #require(throws: RegionCodeError.self) { try RegionCode(Fixtures.nikText) }
        #expect(!error.description.contains(Fixtures.nikText))
        #expect(error.description.contains("350931******0003"))
    }
}
