/// No. Kartu Keluarga: the 16-digit family card number that identifies a household in Entas.
///
/// Valid when it has exactly 16 ASCII digits and its first six digits are a kecamatan of Jawa Timur in the
/// region reference (`350931…` for Sumberjambe). Printing, interpolating or dumping a value shows only the
/// masked form (`350931******0001`); ``rawValue`` is for storage and the Kafka key, never for logs.
/// Codable as the 16-digit string; decoding validates against ``RegionReference/eastJava``.
public struct KKNumber: Sendable, Hashable, Comparable, TextCodable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    /// The 16 digits. Do not log this; use ``masked``.
    public let rawValue: String

    /// Validates `string` as a No. KK.
    /// - Parameter reference: the regions its first six digits must name; Jawa Timur by default.
    public init(_ string: String, in reference: RegionReference = .eastJava) throws(IdentityNumberError) {
        _ = try IdentityDigits.validate(string, field: Self.field, in: reference)
        rawValue = string
    }

    /// The field name errors carry: `"kkNumber"`.
    public static let field = "kkNumber"

    /// The kecamatan that issued the card (its first six digits), e.g. `35.09.31`.
    public var kecamatanCode: RegionCode { RegionCode(uncheckedDigits: String(rawValue.prefix(6))) }

    /// The number with digits 7–12 hidden: `350931******0001`.
    public var masked: String { IdentityNumberMask.mask(rawValue) }

    /// The masked form, so accidental logging leaks nothing.
    public var description: String { masked }
    /// The masked form.
    public var debugDescription: String { "KKNumber(\(masked))" }
    /// Shows only the masked form to `dump` and debuggers.
    public var customMirror: Mirror { Mirror(self, children: ["masked": masked]) }

    public static func < (lhs: KKNumber, rhs: KKNumber) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension KKNumber {
    public static func parse(_ text: String) throws(IdentityNumberError) -> KKNumber { try KKNumber(text) }
    public var jsonText: String { rawValue }
}
