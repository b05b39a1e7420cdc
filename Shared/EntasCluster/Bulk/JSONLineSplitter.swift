/// Splits a byte stream into lines (`\n`, with an optional `\r` before it), however the
/// stream is chunked; a line may not be longer than `maximumLineLength` bytes.
struct JSONLineSplitter {
    static let maximumLineLength = 1 << 20
    private var partial: [UInt8] = []

    struct LineTooLong: Error {}

    /// The lines completed by `bytes`, without their line ends.
    mutating func feed(_ bytes: some Collection<UInt8>) throws(LineTooLong) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            partial.append(contentsOf: bytes[start..<newline])
            lines.append(Self.trimmed(partial))
            partial.removeAll(keepingCapacity: true)
            start = bytes.index(after: newline)
        }
        partial.append(contentsOf: bytes[start...])
        guard partial.count <= Self.maximumLineLength, lines.allSatisfy({ $0.count <= Self.maximumLineLength }) else { throw LineTooLong() }
        return lines
    }

    /// The last line when the stream did not end with a line end.
    mutating func finish() -> [UInt8]? {
        defer { partial.removeAll() }
        return partial.isEmpty ? nil : Self.trimmed(partial)
    }

    private static func trimmed(_ line: [UInt8]) -> [UInt8] {
        line.last == UInt8(ascii: "\r") ? Array(line.dropLast()) : line
    }
}
