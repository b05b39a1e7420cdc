/// Why a text is not a usable East Java region code, or why a valid code is not the region asked for.
public enum RegionCodeError: Error, Sendable, Hashable, CustomStringConvertible, MessageConvertible {
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

    /// What was wrong and how to fix it, in the reader's language.
    public var message: Message {
        switch self {
        case .empty:
            Message("domain.region.empty")
        case .malformed(let input):
            Message("domain.region.malformed", .text(SafeEcho.quoted(input)))
        case .notEastJava(let province):
            Message("domain.region.notEastJava", .text(SafeEcho.quoted(province)))
        case .zeroSegment(let input):
            Message("domain.region.zeroSegment", .text(SafeEcho.quoted(input)))
        case .unknown(let code):
            Message("domain.region.unknown", .text(code.dotted))
        case .wrongLevel(let code, let expected):
            Message(
                "domain.region.wrongLevel", .text(code.dotted), .text(code.level.indonesianName), .text(expected.indonesianName),
                .message(RegionCodeError.example(for: expected)))
        }
    }

    /// The English text, for logs.
    public var description: String { message.description }

    static func example(for level: RegionLevel) -> Message {
        switch level {
        case .province: Message("domain.region.example", "35")
        case .kabupaten: Message("domain.region.example", "35.09")
        case .kecamatan: Message("domain.region.example", "35.09.31")
        case .desa: Message("domain.region.example", "35.09.31.2006")
        }
    }
}
