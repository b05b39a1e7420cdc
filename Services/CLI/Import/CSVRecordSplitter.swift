import EntasDomain
import EntasService

/// Splits a CSV byte stream into records as the bytes arrive, keeping each record's bytes as
/// they are, so that records can be forwarded unchanged. A line break ends a record only
/// outside quotes (a quoted field may hold commas, `""` and line breaks), as the services'
/// import parser reads it; a UTF-8 byte-order mark at the start is dropped. Only the record
/// being read is held.
struct CSVRecordSplitter {
    private var current: [UInt8] = []
    private var inQuotes = false
    private var byteOrderMark = ByteOrderMarkFilter()

    /// True while the input read so far ends inside a quoted field.
    var isInsideQuotes: Bool { inQuotes }

    /// Feeds bytes; returns the records they complete, each ending with its line break.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [[UInt8]] {
        var records: [[UInt8]] = []
        for byte in byteOrderMark.filter(bytes) { take(byte, into: &records) }
        return records
    }

    /// Adds a byte to the record being read; a line break outside quotes completes it.
    private mutating func take(_ byte: UInt8, into records: inout [[UInt8]]) {
        current.append(byte)
        if byte == UInt8(ascii: "\"") {
            inQuotes.toggle()  // `""` inside quotes toggles twice: still inside
        } else if byte == UInt8(ascii: "\n"), !inQuotes {
            records.append(current)
            current = []
        }
    }

    /// The last record when the input did not end with a line break (a line break is added).
    mutating func finish() -> [UInt8]? {
        guard !current.isEmpty else { return nil }
        defer { current = [] }
        return current + [UInt8(ascii: "\n")]
    }
}
