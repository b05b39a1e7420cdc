import Foundation

extension UUID {
    /// A version 7 UUID (RFC 9562): the first 48 bits are the Unix time in milliseconds, the rest random.
    ///
    /// Ids made one after the other sort one after the other (to the millisecond), so a B-tree keyed by
    /// them, an inbox or an outbox's unique index, grows at its right end, a few pages a batch, instead
    /// of taking a random page all over a file that grows with every event. As unique as a version 4 id:
    /// 74 random bits within each millisecond.
    public static func timeOrdered(at date: Date = Date()) -> UUID {
        var random = SystemRandomNumberGenerator()
        return timeOrdered(milliseconds: UInt64(max(0, date.timeIntervalSince1970 * 1000)), using: &random)
    }

    /// A version 7 UUID for `milliseconds` since 1970, its random bits from `generator`.
    public static func timeOrdered(milliseconds: UInt64, using generator: inout some RandomNumberGenerator) -> UUID {
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        let time = milliseconds & 0xFFFF_FFFF_FFFF
        func byte(_ value: UInt64, _ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: value >> shift) }
        return UUID(uuid: (
            byte(time, 40), byte(time, 32), byte(time, 24), byte(time, 16), byte(time, 8), byte(time, 0),
            0x70 | (byte(high, 8) & 0x0F), byte(high, 0),
            0x80 | (byte(low, 56) & 0x3F), byte(low, 48), byte(low, 40), byte(low, 32),
            byte(low, 24), byte(low, 16), byte(low, 8), byte(low, 0)))
    }
}
