/// Small helpers for fixed-width numbers in dates, periods and times.
public enum DigitParsing {
    /// The value of a run of ASCII digits, or nil when empty, too long or holding anything else.
    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { number($0, 0..<$0.count) }
    }

    /// The value of a run of ASCII digits in `bytes[range]`, or nil when empty, too long or holding anything else.
    public static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 9, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Writes `value` (0 ≤ `value` < 10^`width`) as `width` ASCII digits, zero-padded, at `buffer[start...]`.
    public static func write(_ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var rest = value
        for index in stride(from: start + width - 1, through: start, by: -1) {
            buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
    }

    /// `value` in decimal, left-padded with zeros to `width`.
    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
