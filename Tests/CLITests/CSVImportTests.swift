import EntasAPI
import Foundation
import Testing

@testable import CLI
import EntasTestKit

@Suite("Splitting a CSV into records and renumbering rejected rows", .english)
struct CSVImportTests {
    static func split(_ text: String, feedSize: Int = 3) -> [String] {
        var splitter = CSVRecordSplitter()
        var records: [[UInt8]] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            records += splitter.feed(bytes[start..<min(bytes.count, start + feedSize)])
            start += feedSize
        }
        if let last = splitter.finish() { records.append(last) }
        return records.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("quoted fields keep their commas, quotes and line breaks inside one record")
    func quotes() {
        let text = "kkNumber,address\n1,\"Dusun Krajan, RT 01\"\n2,\"line one\nline two\"\n3,\"say \"\"hi\"\"\"\n"
        #expect(Self.split(text) == [
            "kkNumber,address\n", "1,\"Dusun Krajan, RT 01\"\n", "2,\"line one\nline two\"\n", "3,\"say \"\"hi\"\"\"\n",
        ])
    }

    @Test("CRLF is kept, a byte-order mark dropped, a last line without a break completed")
    func edges() {
        #expect(Self.split("\u{FEFF}a,b\r\n1,2") == ["a,b\r\n", "1,2\n"])
        #expect(Self.split("a\n\n1\n", feedSize: 1) == ["a\n", "\n", "1\n"])
        #expect(Self.split("") == [])
    }

    @Test("rows rejected in a chunk are renumbered as the file numbers them")
    func renumbering() {
        var summary = ImportSummary()
        // First chunk: file rows 2, 3 (row 3 spans two lines), 4.
        var first = ImportSummary()
        first.rows = 3
        first.created = 2
        first.rejected = 1
        first.rejections = [.init(row: 3, field: "kkNumber", reason: "bad")]
        ImportUploader.merge(first, rows: [2, 3, 4], into: &summary)
        // Second chunk: file rows 5, 6; the service numbers them 2, 3.
        var second = ImportSummary()
        second.rows = 2
        second.unchanged = 1
        second.rejected = 1
        second.rejections = [.init(row: 3, field: "desaCode", reason: "unknown")]
        ImportUploader.merge(second, rows: [5, 6], into: &summary)
        #expect(summary.rows == 5 && summary.created == 2 && summary.unchanged == 1 && summary.rejected == 2)
        #expect(summary.rejections.map(\.row) == [3, 6])
    }

    @Test("the summary lists counts and every rejected row with its reason")
    func summaryText() {
        var summary = ImportSummary()
        summary.rows = 3
        summary.created = 2
        summary.rejected = 1
        summary.rejections = [.init(row: 4, field: "memberCount", reason: "'four' is not a whole number")]
        let text = ImportOutput.summary(summary, file: "a.csv", service: "social-aid")
        #expect(text.contains("Imported a.csv into social-aid: 3 rows"))
        #expect(text.contains("created    2") || text.contains("created  2"))
        #expect(text.contains("4  memberCount  'four' is not a whole number"))
    }
}
