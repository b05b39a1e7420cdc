import Foundation

/// Text as Entas takes it from people: no control characters (C0, DEL, C1) and no bidirectional embedding,
/// override or isolate characters (U+202A–U+202E, U+2066–U+2069), which hide or reorder what a reader sees
/// (a name holding U+202E shows its end backwards); trimmed of surrounding whitespace; in Unicode NFC, so one
/// name is stored one way whichever keyboard typed it.
public enum CleanText {
    /// The first character `text` may not hold, or nil.
    public static func forbidden(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            let value = scalar.value
            return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
    }

    /// `text` trimmed and in NFC; ASCII without surrounding whitespace (nearly every field) is returned as it is.
    public static func normalized(_ text: String) -> String {
        let bytes = text.utf8
        if let first = bytes.first, let last = bytes.last, bytes.allSatisfy({ $0 < 0x80 }), first != 0x20, last != 0x20 {
            return text
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    /// Why `scalar` is refused, for an error: "U+202E, a bidirectional override character".
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let kind = switch scalar.value {
        case 0x202A...0x202E: "a bidirectional embedding or override character"
        case 0x2066...0x2069: "a bidirectional isolate character"
        default: "a control character"
        }
        return "\(code), \(kind)"
    }

    /// The rule, for an error: what a text field may not hold.
    public static func rule(_ scalar: Unicode.Scalar) -> String {
        "holds \(describe(scalar)); text may not hold control characters (a NUL, a line break, a tab) or bidirectional "
            + "override or isolate characters: retype the value"
    }
}
