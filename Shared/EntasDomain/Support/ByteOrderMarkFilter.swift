/// Drops a UTF-8 byte-order mark (EF BB BF) at the start of a byte stream, and gives back the
/// bytes of a first character that only began like one.
public struct ByteOrderMarkFilter: Sendable {
    private static let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private var matched = 0
    /// True once the start of the stream is behind: every further byte passes as it is.
    public private(set) var isPastStart = false

    public init() {}

    /// The bytes to read in place of `byte`: none while a mark may still be under way, the
    /// held-back bytes and `byte` when it turned out not to be one.
    public mutating func pass(_ byte: UInt8) -> ArraySlice<UInt8> {
        if matched < Self.mark.count, byte == Self.mark[matched] {
            matched += 1
            if matched == Self.mark.count { isPastStart = true }
            return []
        }
        isPastStart = true
        return Self.mark.prefix(matched) + [byte]
    }

    /// `bytes` without a leading byte-order mark (only the start of the stream is looked at).
    public mutating func filter<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        // Past the start every byte passes: copied at once, not byte by byte.
        if isPastStart { return Array(bytes) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.underestimatedCount)
        for byte in bytes {
            if isPastStart { result.append(byte) } else { result.append(contentsOf: pass(byte)) }
        }
        return result
    }
}
