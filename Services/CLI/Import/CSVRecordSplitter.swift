/// Splits a CSV byte stream into records as the bytes arrive, keeping each record's bytes as
/// they are, so that records can be forwarded unchanged. A line break ends a record only
/// outside quotes (a quoted field may hold commas, `""` and line breaks), as the services'
/// import parser reads it; a UTF-8 byte-order mark at the start is dropped. Only the record
/// being read is held.
struct CSVRecordSplitter {
    private var current: [UInt8] = []
    private var inQuotes = false
    private var bomBytesSeen = 0
    private var atStart = true

    /// True while the input read so far ends inside a quoted field.
    var isInsideQuotes: Bool { inQuotes }

    /// Feeds bytes; returns the records they complete, each ending with its line break.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [[UInt8]] {
        var records: [[UInt8]] = []
        for byte in bytes {
            if atStart {
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                if bomBytesSeen < 3, byte == bom[bomBytesSeen] {
                    bomBytesSeen += 1
                    continue
                }
                atStart = false
                if bomBytesSeen > 0, bomBytesSeen < 3 {
                    // Not a byte-order mark after all: keep what was skipped.
                    current.append(contentsOf: bom.prefix(bomBytesSeen))
                }
            }
            current.append(byte)
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()  // `""` inside quotes toggles twice: still inside
            } else if byte == UInt8(ascii: "\n"), !inQuotes {
                records.append(current)
                current = []
            }
        }
        return records
    }

    /// The last record when the input did not end with a line break (a line break is added).
    mutating func finish() -> [UInt8]? {
        guard !current.isEmpty else { return nil }
        defer { current = [] }
        return current + [UInt8(ascii: "\n")]
    }
}
