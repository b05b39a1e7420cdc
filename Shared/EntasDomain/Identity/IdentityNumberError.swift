/// Why a text is not a valid No. KK or NIK. `field` is `"kkNumber"` or `"nik"`. The description names
/// the rule and how to fix it, and never repeats the full number.
public enum IdentityNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text does not have exactly 16 characters; `length` is how many it has.
    case wrongLength(field: String, length: Int)
    /// A character is not an ASCII digit 0–9.
    case nonDigit(field: String)
    /// The first six digits are not a kecamatan of Jawa Timur in the reference; `prefix` is those six digits.
    case unknownKecamatan(field: String, prefix: String)
    /// Digits 7–12 of a NIK are not a birth date DDMMYY (women: DD + 40); `reason` says which part is wrong.
    case invalidBirthDate(field: String, reason: String)
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

    public var description: String {
        let what = field == "nik" ? "NIK" : "No. KK"
        switch self {
        case .wrongLength(let field, let length):
            return "\(field): a \(what) has exactly 16 digits, this one has \(length) characters; "
                + "copy all 16 digits from the card, without spaces or dots"
        case .nonDigit(let field):
            return "\(field): a \(what) has digits 0–9 only, this one has another character; "
                + "remove spaces, dots or letters"
        case .unknownKecamatan(let field, let prefix):
            return "\(field): the first six digits of a \(what) are the kecamatan code, and \(prefix) is not a "
                + "kecamatan of Jawa Timur in the Kemendagri reference; check the number on the card"
        case .invalidBirthDate(let field, let reason):
            return "\(field): digits 7–12 of a NIK are the birth date DDMMYY (women add 40 to the day), but "
                + "\(reason); check the number on the card"
        case .zeroSequence(let field):
            return "\(field): the last four digits of a NIK are a sequence number from 0001, this one is 0000; "
                + "check the number on the card"
        }
    }
}
