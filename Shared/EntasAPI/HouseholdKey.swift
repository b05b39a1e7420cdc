import EntasDomain
import Foundation

/// How the coordinator names a household without storing its No. KK: the lowercase hexadecimal HMAC-SHA256
/// of the KK's 16 digits under the configured ``HouseholdKeySecret``.
///
/// Without the secret a key cannot be turned back into a KK number, nor checked against a guessed one (the
/// KK space is small enough to enumerate, which is why a plain hash would not do). Stored and encoded as
/// its 64 hexadecimal digits.
public struct HouseholdKey: Sendable, Hashable, Comparable, TextCodable, CustomStringConvertible {
    /// 64 lowercase hexadecimal digits.
    public let rawValue: String

    /// A key whose 64 hexadecimal digits are already known to be valid (the coordinator's HMAC).
    package init(validated rawValue: String) { self.rawValue = rawValue }

    /// A key as the coordinator lists it.
    /// - Throws: ``HouseholdKeyError/malformedKey`` unless `text` is 64 lowercase hexadecimal digits.
    public init(_ text: String) throws(HouseholdKeyError) {
        guard text.utf8.count == 64,
            text.utf8.allSatisfy({
                ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                    || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
            })
        else { throw .malformedKey }
        rawValue = text
    }

    /// The 64 digits.
    public var description: String { rawValue }

    public static func < (lhs: HouseholdKey, rhs: HouseholdKey) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension HouseholdKey {
    public static func parse(_ text: String) throws(HouseholdKeyError) -> HouseholdKey { try HouseholdKey(text) }
    public var jsonText: String { rawValue }
}
