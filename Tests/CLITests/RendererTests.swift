import EntasDomain
import Foundation
import Testing

@testable import CLI
import EntasTestKit

@Suite("Tables, CSV and numbers", .english)
struct RendererTests {
    @Test("a table pads left and right columns and cuts the flexible one to fit")
    func tableLayout() {
        let table = Table(
            columns: [.left("Name"), .flexible("Place"), .right("Count")],
            rows: [["a", "a very long place name indeed", "1,234"], ["bb", "x", "5"]],
            footer: [["Total", "", "1,239"]])
        let lines = TableRenderer.render(table, maximumWidth: 24)
        // Too wide with two spaces between columns: one space, then the place is cut.
        #expect(lines == [
            "Name  Place        Count",
            "----- ------------ -----",
            "a     a very long… 1,234",
            "bb    x                5",
            "----- ------------ -----",
            "Total              1,239",
        ])
        #expect(lines.allSatisfy { $0.count <= 24 })
    }

    @Test("a table that fits keeps two spaces between columns")
    func roomy() {
        let table = Table(columns: [.left("A"), .right("B")], rows: [["x", "12"]])
        #expect(TableRenderer.render(table) == ["A   B", "-  --", "x  12"])
    }

    @Test("without a width limit nothing is cut")
    func unlimited() {
        let table = Table(columns: [.flexible("Place")], rows: [[String(repeating: "x", count: 120)]])
        #expect(TableRenderer.render(table, maximumWidth: nil)[2].count == 120)
    }

    @Test("thousands are grouped, shares are whole percents, huge counts compact", arguments: [
        (0, "0", "0"), (999, "999", "999"), (1_000, "1,000", "1.0k"), (12_345, "12,345", "12k"),
        (1_234_567, "1,234,567", "1.2M"), (-45_000, "-45,000", "-45k"), (98_765_432, "98,765,432", "98M"),
    ])
    func numbers(value: Int, grouped: String, compact: String) {
        #expect(NumberFormat.grouped(value) == grouped)
        #expect(NumberFormat.compact(value) == compact)
    }

    @Test("a share of nothing is a dash")
    func percent() {
        #expect(NumberFormat.percent(1, of: 3) == "33")
        #expect(NumberFormat.percent(2, of: 3) == "67")
        #expect(NumberFormat.percent(0, of: 0) == "-")
    }

    @Test("CSV quotes commas, quotes and line breaks")
    func csvEscaping() {
        let csv = CSVRenderer.render(header: ["a", "b"], rows: [["Dusun Krajan, RT 01", "say \"hi\""], ["two\nlines", "plain"]])
        #expect(csv == "a,b\n\"Dusun Krajan, RT 01\",\"say \"\"hi\"\"\"\n\"two\nlines\",plain")
    }

    @Test("gap lists show masked KKs only, in table and CSV")
    func gapsMasked() throws {
        let page = try Fixtures.gapPage()
        let table = HouseholdListOutput.gapsTable(page)
        #expect(table.hasPrefix("2 households in a gap"))
        #expect(table.contains("350931******0002") && table.contains("350931******0004"))
        #expect(table.contains("CE"))
        let csv = HouseholdListOutput.gapsCSV(page)
        #expect(csv.split(separator: "\n").count == 3)
        #expect(csv.contains("350931******0004,35.09.31.2001,Plerean,sangatMiskin,,true,"))
        for text in [table, csv] {
            #expect(text.firstMatch(of: /\d{16}/) == nil, "no full 16-digit number")
        }
    }

    @Test("a later page says where the next one starts")
    func pageLine() throws {
        var page = try Fixtures.gapPage()
        page.total = 250
        page.offset = 100
        #expect(HouseholdListOutput.pageLine(page, what: Message("cli.gaps.what")) == "101–102 of 250 households in a gap (SM or M without social aid) (next page: --offset 102)")
        page.offset = 0
        page.total = 1
        page.items = Array(page.items.prefix(1))
        #expect(HouseholdListOutput.pageLine(page, what: Message("cli.gaps.what")) == "1 household in a gap (SM or M without social aid)")
        page.items = []
        page.total = 0
        #expect(HouseholdListOutput.pageLine(page, what: Message("cli.gaps.what")) == "No households in a gap (SM or M without social aid).")
    }

    @Test("times are printed in WIB")
    func wib() {
        // 2027-01-05T01:01:00Z is 08:01 in Surabaya.
        #expect(TimeFormat.wib(Date(timeIntervalSince1970: 1_799_110_860)) == "2027-01-05 08:01:00 WIB")
        // 23:30 UTC is already the next day.
        #expect(TimeFormat.wib(Date(timeIntervalSince1970: 1_799_191_800)) == "2027-01-06 06:30:00 WIB")
    }

    @Test("the import progress bar fills with the bytes sent")
    func progressBar() {
        let half = ImportUploader.Progress(bytesRead: 50, totalBytes: 100, rowsSent: 1_000)
        #expect(ImportOutput.progressBar(half, width: 10) == "[#####.....]  50%  1,000 rows sent")
        let done = ImportUploader.Progress(bytesRead: 100, totalBytes: 100, rowsSent: 2_004)
        #expect(ImportOutput.progressBar(done, width: 10) == "[##########] 100%  2,004 rows sent")
    }
}
