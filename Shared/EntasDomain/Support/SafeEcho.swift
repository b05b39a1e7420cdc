/// Makes untrusted input safe to repeat in an error message or a log line: any run of eleven or more
/// digits (which could be a KK number or NIK) is masked like an identity number, control characters and
/// line breaks become spaces, and the text is cut to a readable length.
enum SafeEcho {
    /// The longest echo of a value, in characters.
    static let valueLength = 40
    /// The longest echo of a message from elsewhere (a JSON parser, say), in characters.
    static let messageLength = 300

    /// `input` made safe and cut to `limit` characters (an ellipsis marks the cut).
    static func text(_ input: some StringProtocol, limit: Int = valueLength) -> String {
        var output = ""
        var digitRun = ""
        var count = 0
        func flushDigits() {
            output += digitRun.count >= 11 ? IdentityNumberMask.mask(digitRun) : digitRun
            digitRun = ""
        }
        for character in input {
            count += 1
            if count > limit {
                flushDigits()
                return output + "…"
            }
            if character.isASCII, character.isNumber {
                digitRun.append(character)
                continue
            }
            flushDigits()
            let isControl = character.isNewline || (character.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false)
            output.append(isControl ? " " : character)
        }
        flushDigits()
        return output
    }

    /// The input in double quotes, made safe with ``text(_:limit:)``.
    static func quoted(_ input: some StringProtocol) -> String { "\"\(text(input))\"" }

    /// A message from elsewhere made safe, up to ``messageLength`` characters.
    static func message(_ input: String) -> String { text(input, limit: messageLength) }
}
