import EntasDomain

/// Markup that is safe to send (the dashboard's pages, a cluster's printable worklist): the literal text written
/// in the package's code, with every interpolated
/// value escaped on the way in. `"<td>\(name)</td>"` escapes `name`; interpolating another `HTML` inserts it
/// as it is. There is no initialiser from a run-time `String`, so a value can only reach a page escaped.
package struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The markup.
    package let rendered: String

    package init(stringLiteral value: StaticString) {
        rendered = value.description
    }

    package init(stringInterpolation: Interpolation) {
        rendered = stringInterpolation.text
    }

    /// No markup.
    package static let empty: HTML = ""

    /// The pieces one after the other.
    package init(joining pieces: some Sequence<HTML>) {
        rendered = pieces.reduce(into: "") { $0 += $1.rendered }
    }

    /// Builds markup: literals as written, values escaped.
    package struct Interpolation: StringInterpolationProtocol {
        fileprivate var text = ""

        package init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        package mutating func appendLiteral(_ literal: StaticString) {
            text += literal.description
        }

        /// Markup made the same way: inserted as it is.
        package mutating func appendInterpolation(_ html: HTML) {
            text += html.rendered
        }

        /// Several pieces of markup, one after the other.
        package mutating func appendInterpolation(_ pieces: [HTML]) {
            for piece in pieces { text += piece.rendered }
        }

        /// Any text: escaped.
        package mutating func appendInterpolation(_ value: String) {
            text += HTML.escape(value)
        }

        /// A whole number, as plain digits (no grouping; use ``DashboardFormat/count(_:)`` for display).
        package mutating func appendInterpolation(_ value: Int) {
            text += String(value)
        }

        /// An SVG coordinate or length, to one decimal.
        package mutating func appendInterpolation(_ value: Double) {
            text += HTML.coordinate(value)
        }

        /// A text from the language catalogues, in ``Language/current``: escaped.
        package mutating func appendInterpolation(_ message: Message) {
            text += HTML.escape(message.rendered())
        }

        /// Anything else printable (region codes, months): its description, escaped.
        package mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            text += HTML.escape(value.description)
        }
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references: safe in element content and
    /// in quoted attribute values.
    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// `value` to one decimal, without exponent; 0 for a value that is not finite.
    package static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
