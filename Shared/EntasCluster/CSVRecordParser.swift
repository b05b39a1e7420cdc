import EntasDomain

/// Splits a byte stream into CSV records as the bytes arrive: commas between fields, quoted
/// fields with `""` for a quote (commas and line breaks allowed inside), CRLF or LF, a
/// UTF-8 byte-order mark at the start ignored. Only the record being read is held.
///
/// A quoted field that is still open when the input ends is an error (``UnterminatedQuote``):
/// its opening quote swallowed the rest of the file, so the last "row" is not a row at all.
struct CSVRecordParser {
    /// The input ended inside a quoted field.
    struct UnterminatedQuote: Error {}

    private var field: [UInt8] = []
    private var record: [String] = []
    private var inQuotes = false
    private var quoteJustClosed = false
    private var byteOrderMark = ByteOrderMarkFilter()

    /// Feeds bytes; returns the records they complete.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [[String]] {
        var records: [[String]] = []
        for byte in byteOrderMark.filter(bytes) { take(byte, into: &records) }
        return records
    }

    private mutating func take(_ byte: UInt8, into records: inout [[String]]) {
        if inQuotes {
            if byte == UInt8(ascii: "\"") {
                inQuotes = false
                quoteJustClosed = true
            } else {
                field.append(byte)
            }
            return
        }
        switch byte {
        case UInt8(ascii: "\""):
            if quoteJustClosed { field.append(byte) }  // "" inside quotes
            inQuotes = true
            quoteJustClosed = false
        case UInt8(ascii: ","):
            endField()
        case UInt8(ascii: "\n"):
            endField()
            records.append(record)
            record.removeAll(keepingCapacity: true)  // the next record has as many fields: one allocation, not one per doubling
        case UInt8(ascii: "\r"):
            quoteJustClosed = false
        default:
            field.append(byte)
            quoteJustClosed = false
        }
    }

    /// The last record when the input did not end with a line break.
    /// - Throws: ``UnterminatedQuote`` when the input ended inside a quoted field.
    mutating func finish() throws(UnterminatedQuote) -> [String]? {
        guard !inQuotes else { throw UnterminatedQuote() }
        guard !field.isEmpty || !record.isEmpty else { return nil }
        endField()
        defer { record = [] }
        return record
    }

    private mutating func endField() {
        record.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        quoteJustClosed = false
    }
}
