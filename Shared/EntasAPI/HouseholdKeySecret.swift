import EntasDomain
import Foundation

/// The secret the coordinator keys household hashes with (``HouseholdKey``), given in configuration.
///
/// At least ``minimumByteCount`` bytes; 32 random bytes (`openssl rand -hex 32`) is the recommended size.
/// The same secret must be used for the life of a database: another secret gives other keys, so the same
/// household would be counted twice. Printing a secret shows only its length.
public struct HouseholdKeySecret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The fewest bytes a secret may have: 16 (128 bits).
    public static let minimumByteCount = 16

    /// The secret's bytes. Never log them.
    package let bytes: [UInt8]

    /// A secret from raw bytes.
    /// - Throws: ``HouseholdKeyError/secretTooShort(byteCount:)`` below ``minimumByteCount`` bytes.
    public init(bytes: some Collection<UInt8>) throws(HouseholdKeyError) {
        guard bytes.count >= Self.minimumByteCount else { throw .secretTooShort(byteCount: bytes.count) }
        self.bytes = Array(bytes)
    }

    /// A secret written as hexadecimal digits (two per byte, either case), as `openssl rand -hex 32` prints it.
    /// - Throws: ``HouseholdKeyError/secretNotHex`` or ``HouseholdKeyError/secretTooShort(byteCount:)``.
    public init(hex: String) throws(HouseholdKeyError) {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { throw .secretNotHex }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = HexDigit.value(digits[index]), let low = HexDigit.value(digits[index + 1]) else {
                throw .secretNotHex
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        try self.init(bytes: bytes)
    }

    /// Shows the length only.
    public var description: String { "HouseholdKeySecret(\(bytes.count) bytes, hidden)" }
    /// Shows the length only.
    public var debugDescription: String { description }
    /// Shows the length only to `dump` and debuggers.
    public var customMirror: Mirror { Mirror(self, children: ["byteCount": bytes.count]) }
}
