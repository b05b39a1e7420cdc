/// Why a text is not a valid No. KK or NIK. `field` is `"kkNumber"` or `"nik"`. The message names
/// the rule and how to fix it, and never repeats the full number.
public enum IdentityNumberError: Error, Sendable, Hashable, CustomStringConvertible, MessageConvertible {
    /// The text does not have exactly 16 characters; `length` is how many it has.
    case wrongLength(field: String, length: Int)
    /// A character is not an ASCII digit 0–9.
    case nonDigit(field: String)
    /// The first six digits are not a kecamatan of Jawa Timur in the reference; `prefix` is those six digits.
    case unknownKecamatan(field: String, prefix: String)
    /// Digits 7–12 of a NIK are not a birth date DDMMYY (women: DD + 40); `reason` says which part is wrong.
    case invalidBirthDate(field: String, reason: Message)
    /// Digits 13–16 of a NIK are `0000`; Dukcapil numbers people from 0001.
    case zeroSequence(field: String)

    /// The field the number was given for: `"kkNumber"` or `"nik"`.
    public var field: String {
        switch self {
        case .wrongLength(let field, _), .nonDigit(let field), .unknownKecamatan(let field, _),
            .invalidBirthDate(let field, _), .zeroSequence(let field):
            field
        }
    }

    /// What was wrong and how to fix it, in the reader's language.
    public var message: Message {
        let what: Message.Argument = .text(field == "nik" ? "NIK" : "No. KK")
        switch self {
        case .wrongLength(let field, let length):
            return Message("domain.identity.wrongLength", .text(field), what, .count(length))
        case .nonDigit(let field):
            return Message("domain.identity.nonDigit", .text(field), what)
        case .unknownKecamatan(let field, let prefix):
            return Message("domain.identity.unknownKecamatan", .text(field), what, .text(prefix))
        case .invalidBirthDate(let field, let reason):
            return Message("domain.identity.invalidBirthDate", .text(field), .message(reason))
        case .zeroSequence(let field):
            return Message("domain.identity.zeroSequence", .text(field))
        }
    }

    /// The English text, for logs.
    public var description: String { message.description }
}
