/// Why a ``HouseholdKeySecret`` or a ``HouseholdKey`` could not be made. Descriptions never contain the secret.
public enum HouseholdKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The configured secret has fewer than ``HouseholdKeySecret/minimumByteCount`` bytes.
    case secretTooShort(byteCount: Int)
    /// The configured secret is not an even number of hexadecimal digits.
    case secretNotHex
    /// A text is not a household key (64 lowercase hexadecimal digits).
    case malformedKey

    public var description: String {
        switch self {
        case .secretTooShort(let byteCount):
            "The household key secret has \(byteCount) bytes; it needs at least "
                + "\(HouseholdKeySecret.minimumByteCount). Generate one with `openssl rand -hex 32` and configure "
                + "it; keep the same secret for the life of the coordinator's database."
        case .secretNotHex:
            "The household key secret is not hexadecimal: give an even number of digits 0-9 and a-f, "
                + "as `openssl rand -hex 32` prints them."
        case .malformedKey:
            "A household key is 64 lowercase hexadecimal digits (an HMAC-SHA256); look the household up by its "
                + "No. KK, or copy the key exactly as the coordinator listed it."
        }
    }
}
