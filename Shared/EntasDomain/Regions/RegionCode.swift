/// A syntactically valid Kemendagri region code in province 35 (Jawa Timur), at any level:
/// `35` (provinsi), `35.09` (kabupaten/kota), `35.09.31` (kecamatan) or `35.09.31.2006` (desa/kelurahan).
///
/// Only the shape is checked here; whether the region exists is for ``RegionReference`` to say
/// (``RegionReference/require(_:)``). Codes are Kemendagri (Dukcapil) codes, not BPS codes.
/// Codable as the dotted string; ordered so that a parent comes before its children and siblings by number.
public struct RegionCode: Sendable, Hashable, Comparable, TextCodable, CustomStringConvertible {
    /// The code without dots: 2, 4, 6 or 10 ASCII digits, e.g. `"350931"`, the prefix of a KK number or NIK.
    public let digits: String

    /// Province 35, Jawa Timur.
    public static let eastJava = RegionCode(uncheckedDigits: "35")

    /// Parses a code written dotted (`"35.09.31"`) or as plain digits of length 2, 4, 6 or 10 (`"350931"`).
    public init(_ string: String) throws(RegionCodeError) {
        guard let digits = Self.digits(of: string) else {
            throw string.isEmpty ? .empty : .malformed(input: SafeEcho.text(string))
        }
        for (start, end) in [(0, 2), (2, 4), (4, 6), (6, 10)] where end <= digits.count {
            guard digits[start..<end].contains(where: { $0 != UInt8(ascii: "0") }) else {
                throw .zeroSegment(input: SafeEcho.text(string))
            }
        }
        guard digits[0] == UInt8(ascii: "3"), digits[1] == UInt8(ascii: "5") else {
            throw .notEastJava(province: String(decoding: digits[0..<2], as: UTF8.self))
        }
        self.digits = String(decoding: digits, as: UTF8.self)
    }

    /// The digits of a dotted code with parts of 2, 2, 2 and 4 digits, or of plain digits of length 2, 4, 6
    /// or 10; nil for anything else. One pass, no intermediate strings.
    private static func digits(of string: String) -> [UInt8]? {
        var digits: [UInt8] = []
        digits.reserveCapacity(10)
        var dots = 0
        var partLength = 0
        for byte in string.utf8 {
            if byte == UInt8(ascii: ".") {
                guard dots < 3, partLength == 2 else { return nil }
                dots += 1
                partLength = 0
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits.count < 10 else { return nil }
                digits.append(byte)
                partLength += 1
            }
        }
        if dots > 0 {
            guard partLength == (dots == 3 ? 4 : 2) else { return nil }
        }
        guard RegionLevel(digitCount: digits.count) != nil else { return nil }
        return digits
    }

    /// For digits already known to be valid (constants, parents of valid codes).
    init(uncheckedDigits: String) {
        self.digits = uncheckedDigits
    }

    /// The level, from the number of digits.
    public var level: RegionLevel {
        // `digits` always has 2, 4, 6 or 10 digits.
        RegionLevel(digitCount: digits.utf8.count) ?? .province
    }

    /// The dotted form, e.g. `"35.09.31.2006"`.
    public var dotted: String {
        // Parts of 2, 2, 2 and 4 digits (a code always has a level's 2, 4, 6 or 10), written in one pass: the
        // writer binds a desa's code this way for every row it writes.
        String(unsafeUninitializedCapacity: digits.utf8.count + 3) { buffer in
            var written = 0
            for (index, byte) in digits.utf8.enumerated() {
                if index == 2 || index == 4 || index == 6 {
                    buffer[written] = UInt8(ascii: ".")
                    written += 1
                }
                buffer[written] = byte
                written += 1
            }
            return written
        }
    }

    /// The code one level up (`35.09.31` for `35.09.31.2006`), nil for the province.
    public var parent: RegionCode? {
        guard let parentLevel = level.parent else { return nil }
        return RegionCode(uncheckedDigits: String(digits.prefix(parentLevel.digitCount)))
    }

    /// Every code above this one, province first (`35`, `35.09`, `35.09.31` for a desa); empty for the province.
    public var ancestors: [RegionCode] {
        RegionLevel.allCases
            .filter { $0 < level }
            .map { RegionCode(uncheckedDigits: String(digits.prefix($0.digitCount))) }
    }

    /// True when `other` lies strictly inside this region (`35.09` is an ancestor of `35.09.31.2006`).
    public func isAncestor(of other: RegionCode) -> Bool {
        level < other.level && other.digits.hasPrefix(digits)
    }

    /// True when this is `other` or lies inside it.
    public func isWithin(_ other: RegionCode) -> Bool {
        self == other || other.isAncestor(of: self)
    }

    /// The dotted form.
    public var description: String { dotted }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.digits < rhs.digits }
}

extension RegionCode {
    public static func parse(_ text: String) throws(RegionCodeError) -> RegionCode { try RegionCode(text) }
    public var jsonText: String { dotted }
}
