/// Why a text is not a usable East Java region code, or why a valid code is not the region asked for.
public enum RegionCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text was empty.
    case empty
    /// The text is not shaped like a code; `input` is a safe echo of what was given (long digit runs masked).
    case malformed(input: String)
    /// The code is well formed but outside province 35 (Jawa Timur); `province` is its first two digits.
    case notEastJava(province: String)
    /// A part of the code is all zeros (`35.00`, `35.09.31.0000`), which Kemendagri never issues; `input` is a safe echo.
    case zeroSegment(input: String)
    /// The code is well formed but the reference has no such region.
    case unknown(RegionCode)
    /// The region exists but sits at another level than required (for example a kecamatan where a desa is needed).
    case wrongLevel(RegionCode, expected: RegionLevel)

    public var description: String {
        switch self {
        case .empty:
            "the region code is empty; give a Kemendagri code such as 35.09.31.2006 (desa) or 35.09.31 (kecamatan)"
        case .malformed(let input):
            "the region code \(SafeEcho.quoted(input)) is not a Kemendagri code; write it dotted (35, 35.09, 35.09.31, "
                + "35.09.31.2006) or as 2, 4, 6 or 10 digits (350931)"
        case .notEastJava(let province):
            "the region code starts with province \(SafeEcho.quoted(province)), but Entas covers only province 35 "
                + "(Jawa Timur); check the code"
        case .zeroSegment(let input):
            "the region code \(SafeEcho.quoted(input)) has a part that is all zeros, which no region has; check the code"
        case .unknown(let code):
            "region \(code.dotted) is not in the Kemendagri reference for Jawa Timur; check the code against "
                + "Resources/regions (codes are Kemendagri codes, not BPS codes)"
        case .wrongLevel(let code, let expected):
            "region \(code.dotted) is a \(code.level.indonesianName), but a \(expected.indonesianName) code is "
                + "needed here (\(RegionCodeError.example(for: expected)))"
        }
    }

    static func example(for level: RegionLevel) -> String {
        switch level {
        case .province: "for example 35"
        case .kabupaten: "for example 35.09"
        case .kecamatan: "for example 35.09.31"
        case .desa: "for example 35.09.31.2006"
        }
    }
}
