import Foundation

/// Text as Entas takes it from people: no control characters (C0, DEL, C1) and no bidirectional embedding,
/// override or isolate characters (U+202A–U+202E, U+2066–U+2069), which hide or reorder what a reader sees
/// (a name holding U+202E shows its end backwards); line breaks and tabs (an address typed over two lines of a
/// spreadsheet cell) folded into one space; trimmed of surrounding whitespace; in Unicode NFC, so one name is
/// stored one way whichever keyboard typed it.
public enum CleanText {
    /// The first character `text` may not hold, or nil (line breaks and tabs are folded, not refused).
    public static func forbidden(in text: String) -> Unicode.Scalar? {
        // Printable ASCII (nearly every field) holds none: checked byte by byte, not scalar by scalar.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        return text.unicodeScalars.first { scalar in
            let value = scalar.value
            guard !isFolded(scalar) else { return false }
            return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
    }

    /// A tab, a line feed, a vertical tab, a form feed, a carriage return, a next line (U+0085), a line or
    /// paragraph separator: whitespace a person typed, which becomes one space.
    static func isFolded(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `text` with its line breaks and tabs folded, trimmed and in NFC; printable ASCII without surrounding spaces
    /// (nearly every field) is returned as it is.
    public static func normalized(_ text: String) -> String {
        let bytes = text.utf8
        if let first = bytes.first, let last = bytes.last, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), first != 0x20, last != 0x20 {
            return text
        }
        var folded = String.UnicodeScalarView()
        var inBreak = false
        for scalar in text.unicodeScalars {
            if isFolded(scalar) {
                if !inBreak { folded.append(" ") }
                inBreak = true
            } else {
                folded.append(scalar)
                inBreak = false
            }
        }
        return String(folded).trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    /// Why `scalar` is refused, for an error: "U+202E, a bidirectional override character".
    public static func describing(_ scalar: Unicode.Scalar) -> Message {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code: Message.Argument = .text("U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex)
        return switch scalar.value {
        case 0x202A...0x202E: Message("domain.text.bidiOverride", code)
        case 0x2066...0x2069: Message("domain.text.bidiIsolate", code)
        default: Message("domain.text.control", code)
        }
    }

    /// The rule, for an error: what a text field may not hold, in the reader's language.
    public static func ruleMessage(_ scalar: Unicode.Scalar) -> Message {
        Message("domain.text.rule", .message(describing(scalar)))
    }

    /// ``describing(_:)`` in English.
    public static func describe(_ scalar: Unicode.Scalar) -> String { describing(scalar).description }

    /// ``ruleMessage(_:)`` in English.
    public static func rule(_ scalar: Unicode.Scalar) -> String { ruleMessage(scalar).description }
}
