import Testing

@testable import EntasCluster
import EntasTestKit

@Suite("CSV records from a byte stream", .english)
struct CSVRecordParserTests {
    func records(_ text: String, chunk: Int) throws -> [[String]] {
        var parser = CSVRecordParser()
        let bytes = Array(text.utf8)
        var records: [[String]] = []
        var start = 0
        while start < bytes.count {
            records += parser.feed(bytes[start..<min(start + chunk, bytes.count)])
            start += chunk
        }
        if let last = try parser.finish() { records.append(last) }
        return records
    }

    @Test("quotes, doubled quotes, commas and line breaks inside quotes, CRLF, any chunking", arguments: [1, 2, 7, 1_000])
    func quoting(chunk: Int) throws {
        let text = "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z"
        #expect(try records(text, chunk: chunk) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"]])
    }

    @Test("a byte-order mark is skipped; a first character that only starts like one is kept")
    func byteOrderMark() throws {
        #expect(try records("\u{FEFF}a,b\n", chunk: 3) == [["a", "b"]])
        #expect(try records("\u{FF71}a,b\n", chunk: 1) == [["\u{FF71}a", "b"]])
    }

    @Test("a quoted field still open at the end of the input is an error, not a last row", arguments: [1, 1_000])
    func unterminatedQuote(chunk: Int) {
        #expect(throws: CSVRecordParser.UnterminatedQuote.self) {
            try records("a,b\n\"Dusun Krajan, RT 1,2\nc,d\n", chunk: chunk)
        }
    }
}
