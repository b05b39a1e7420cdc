import Testing

@testable import EntasService

@Suite("CSV records from a byte stream")
struct CSVRecordParserTests {
    func records(_ text: String, chunk: Int) -> [[String]] {
        var parser = CSVRecordParser()
        let bytes = Array(text.utf8)
        var records: [[String]] = []
        var start = 0
        while start < bytes.count {
            records += parser.feed(bytes[start..<min(start + chunk, bytes.count)])
            start += chunk
        }
        if let last = parser.finish() { records.append(last) }
        return records
    }

    @Test("quotes, doubled quotes, commas and line breaks inside quotes, CRLF, any chunking", arguments: [1, 2, 7, 1_000])
    func quoting(chunk: Int) {
        let text = "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z"
        #expect(records(text, chunk: chunk) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"]])
    }

    @Test("a byte-order mark is skipped; a first character that only starts like one is kept")
    func byteOrderMark() {
        #expect(records("\u{FEFF}a,b\n", chunk: 3) == [["a", "b"]])
        #expect(records("\u{FF71}a,b\n", chunk: 1) == [["\u{FF71}a", "b"]])
    }
}
