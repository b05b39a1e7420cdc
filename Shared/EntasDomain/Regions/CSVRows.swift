/// Splits the bytes of a simple CSV file (no quoting) into lines and fields, after checking its header.
enum CSVRows {
    /// Calls `body` with the 1-based line number and the comma-separated fields of every non-empty line
    /// after the header. Accepts `\n` and `\r\n` line ends and a leading UTF-8 byte-order mark.
    static func forEach(
        in bytes: [UInt8], file: String, header: String,
        _ body: (_ line: Int, _ fields: [ArraySlice<UInt8>]) -> Void
    ) throws(RegionReferenceError) {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .notUTF8(file: file) }
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 0
        var fields: [ArraySlice<UInt8>] = []
        fields.reserveCapacity(8)
        while start <= bytes.count {
            lineNumber += 1
            var end = start
            var fieldStart = start
            fields.removeAll(keepingCapacity: true)
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") {
                if bytes[end] == UInt8(ascii: ",") {
                    fields.append(bytes[fieldStart..<end])
                    fieldStart = end + 1
                }
                end += 1
            }
            var fieldEnd = end
            if fieldEnd > fieldStart, bytes[fieldEnd - 1] == UInt8(ascii: "\r") { fieldEnd -= 1 }
            fields.append(bytes[fieldStart..<fieldEnd])
            if lineNumber == 1 {
                let found = String(decoding: bytes[start..<fieldEnd], as: UTF8.self)
                guard found == header else { throw .unexpectedHeader(file: file, found: found, expected: header) }
            } else if fieldEnd > start {
                body(lineNumber, fields)
            }
            start = end + 1
        }
    }
}
