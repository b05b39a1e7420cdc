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
