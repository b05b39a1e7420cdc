import Foundation

extension UUID {
    /// The id as stores and the wire write it: 36 characters, lowercase hexadecimal with hyphens
    /// (`0190f5c2-7a3b-7c4d-8e5f-0123456789ab`). The same text as `uuidString.lowercased()`, written
    /// straight into the string's storage: Foundation formats `uuidString` with `snprintf` and lowercasing
    /// copies it again, which the coordinator paid three times an event.
    public var lowercaseText: String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { buffer in
                var position = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        buffer[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    LowercaseHex.write(byte, into: buffer, at: position)
                    position += 2
                }
                return position
            }
        }
    }
}

extension UUID {
    /// The id `text` names, read by hand when it is in the canonical form (36 characters, hexadecimal digits of
    /// either case with hyphens after the 8th, 12th, 16th and 20th), by Foundation otherwise: the same result as
    /// `UUID(uuidString:)` for every text. Foundation reads every id with `sscanf`, which cost more than
    /// the rest of an event's CloudEvents headers.
    public static func parse(_ text: String) -> UUID? {
        var copy = text
        let canonical = copy.withUTF8 { bytes -> UUID? in
            guard bytes.count == 36 else { return nil }
            var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            let complete = withUnsafeMutableBytes(of: &value) { out -> Bool in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        guard bytes[position] == UInt8(ascii: "-") else { return false }
                        position += 1
                    }
                    guard let high = HexDigit.value(bytes[position]), let low = HexDigit.value(bytes[position + 1]) else { return false }
                    out[index] = high << 4 | low
                    position += 2
                }
                return true
            }
            return complete ? UUID(uuid: value) : nil
        }
        return canonical ?? UUID(uuidString: text)
    }
}

/// A hexadecimal digit's value.
public enum HexDigit {
    /// The value (0–15) of the ASCII hexadecimal digit `byte`, in either case; nil for any other byte.
    public static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Bytes as lowercase hexadecimal digits, two a byte.
public enum LowercaseHex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes `byte` as two digits at `position` and `position + 1` of `buffer`.
    @inline(__always)
    public static func write(_ byte: UInt8, into buffer: UnsafeMutableBufferPointer<UInt8>, at position: Int) {
        buffer[position] = digits[Int(byte >> 4)]
        buffer[position + 1] = digits[Int(byte & 0x0F)]
    }

    /// `bytes` as `2 × bytes.count` lowercase hexadecimal digits.
    public static func string(of bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            for (index, byte) in bytes.enumerated() {
                write(byte, into: buffer, at: 2 * index)
            }
            return bytes.count * 2
        }
    }
}
