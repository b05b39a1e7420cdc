/// Masks identity numbers (No. KK, NIK) for logs, errors and screens: the first six digits (the
/// kecamatan) and the last four stay, the rest becomes `*`, so `3509311203080001` becomes `350931******0001`.
public enum IdentityNumberMask {
    /// Masks any text that might be an identity number. Text of 16 characters or more keeps its first six
    /// and last four characters; shorter text keeps at most its first six; text of six characters or fewer
    /// becomes all stars. The result has as many characters as the input.
    public static func mask(_ text: some StringProtocol) -> String {
        let characters = Array(text)
        let count = characters.count
        if count >= 16 {
            return String(characters.prefix(6)) + String(repeating: "*", count: count - 10)
                + String(characters.suffix(4))
        }
        if count > 6 {
            return String(characters.prefix(6)) + String(repeating: "*", count: count - 6)
        }
        return String(repeating: "*", count: count)
    }
}
