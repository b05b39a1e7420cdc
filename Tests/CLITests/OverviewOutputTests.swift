import EntasAPI
import EntasDomain
import Foundation
import Testing

@testable import CLI
import EntasTestKit

@Suite("The overview table and CSV", .english)
struct OverviewOutputTests {
    /// The lines of the table proper: from the header row to the total row.
    static func tableLines(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("Code") }) else { return [] }
        let end = lines[header...].firstIndex(where: \.isEmpty) ?? lines.endIndex
        return Array(lines[header..<end])
    }

    /// The column at which `text` ends in `line`, if it occurs.
    static func end(of text: String, in line: String) -> Int? {
        line.range(of: text).map { line.distance(from: line.startIndex, to: $0.upperBound) }
    }

    @Test("a provincial overview fits 80 columns, cutting long names")
    func fitsEightyColumns() throws {
        let text = OverviewOutput.table(try Fixtures.provincialOverview())
        for line in text.split(separator: "\n") {
            #expect(line.count <= 80, "\(line.count) characters: \(line)")
        }
        #expect(text.contains("35.10"))
        #expect(text.contains("Kab. Jember"), "narrow tables shorten Kabupaten to Kab.")
        #expect(!text.contains("Kabupaten Banyuwangi"))
    }

    @Test("numbers are right-aligned under their headers, with thousands separators")
    func numbersAligned() throws {
        let lines = Self.tableLines(OverviewOutput.table(try Fixtures.provincialOverview()))
        try #require(lines.count == 7, "header, rule, three rows, rule, total")
        let headerEnd = try #require(Self.end(of: "HH", in: lines[0]))
        #expect(Self.end(of: "123,456", in: lines[2]) == headerEnd)
        #expect(Self.end(of: "98,765", in: lines[3]) == headerEnd)
        #expect(Self.end(of: "222,228", in: lines[6]) == headerEnd)
        let gapsEnd = try #require(Self.end(of: "Gaps", in: lines[0]))
        #expect(Self.end(of: "9,876", in: lines[2]) == gapsEnd)
        #expect(Self.end(of: "15,309", in: lines[6]) == gapsEnd)
    }

    @Test("the total row gives the region's own totals and coverage shares")
    func totalRow() throws {
        let lines = Self.tableLines(OverviewOutput.table(try Fixtures.provincialOverview()))
        let total = try #require(lines.last)
        #expect(lines[lines.count - 2].allSatisfy { $0 == "-" || $0 == " " }, "a rule above the total")
        let cells = total.split(separator: " ").map(String.init)
        // Code, Total, HH, SM, M, HM, Grad, SA%, CE%, UM%, LC%, Gaps, Conf
        #expect(cells == ["35", "Total", "222,228", "35,802", "58,025", "80,248", "2,221", "50", "10", "5", "25", "15,309", "531"])
    }

    @Test("Sumberjambe by desa: full codes, names and percentages")
    func kecamatanTable() throws {
        let text = OverviewOutput.table(try Fixtures.kecamatanOverview())
        #expect(text.hasPrefix("Sumberjambe (kecamatan 35.09.31): 2 desa/kelurahan with households"))
        let lines = Self.tableLines(text)
        #expect(lines[2].split(separator: " ") == ["35.09.31.2001", "Plerean", "2", "1", "0", "1", "0", "0", "0", "0", "0", "1", "0"])
        #expect(lines[3].split(separator: " ") == ["35.09.31.2006", "Sumberjambe", "2", "1", "1", "0", "0", "50", "0", "0", "0", "1", "1"])
    }

    @Test("--wide adds the baseline columns and keeps full names")
    func wide() throws {
        let text = OverviewOutput.table(try Fixtures.provincialOverview(), wide: true)
        let lines = Self.tableLines(text)
        #expect(lines[0].contains("Base SM") && lines[0].contains("Base M") && lines[0].contains("Base HM"))
        #expect(text.contains("Kabupaten Banyuwangi"))
        let baseEnd = try #require(Self.end(of: "Base SM", in: lines[0]))
        #expect(Self.end(of: "24,690", in: lines[2]) == baseEnd, "Jember's baseline SM: 23,456 + 1,234")
    }

    @Test("counts too large for 80 columns are written compactly")
    func compactWhenHuge() throws {
        var overview = try Fixtures.provincialOverview()
        overview.region.totals = Fixtures.totals(
            households: 9_876_543, sm: 1_234_567, m: 2_345_678, hm: 3_456_789, graduated: 123_456, socialAid: 4_000_000,
            gaps: 1_111_111, conflicts: 222_222)
        let text = OverviewOutput.table(overview)
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        #expect(text.contains("9.8M"))
    }

    @Test("CSV has a header row, plain numbers and the total last")
    func csv() throws {
        let csv = OverviewOutput.csv(try Fixtures.provincialOverview())
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0] == OverviewOutput.csvHeader)
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0.count == OverviewOutput.csvHeader.count })
        #expect(rows[1].prefix(5) == ["region", "35.09", "Kabupaten Jember", "kabupaten/kota", "123456"])
        #expect(rows[4].prefix(5) == ["total", "35", "Jawa Timur", "provinsi", "222228"])
        #expect(!csv.contains("123,456"))
    }

    @Test("JSON and CSV from the same answer agree: the renderers read every counter")
    func jsonRoundTrip() throws {
        let overview = try Fixtures.provincialOverview()
        let data = try JSONEncoder().encode(overview)
        let decoded = try APIDecoding.decoder.decode(Overview.self, from: data)
        #expect(decoded == overview)
        #expect(OverviewOutput.csv(decoded) == OverviewOutput.csv(overview))
    }
}
