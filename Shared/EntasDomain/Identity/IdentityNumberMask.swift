/// Masks identity numbers (No. KK, NIK) for logs, errors and screens: the first six digits (the
/// kecamatan) and the last four stay, the rest becomes `*`, so `3509311203080001` becomes `350931******0001`.
public enum IdentityNumberMask {
    /// Masks any text that might be an identity number. Text of 16 characters or more keeps its first six
    /// and last four characters; shorter text keeps at most its first six; text of six characters or fewer
    /// becomes all stars. The result has as many characters as the input.
    public static func mask(_ text: some StringProtocol) -> String {
        if let masked = text.utf8.withContiguousStorageIfAvailable(maskASCII) ?? nil { return masked }
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

    /// ``mask(_:)`` of text whose bytes are its characters (ASCII, no CR that could pair with an LF into one
    /// character), as identity numbers are: the bytes copied or starred, without splitting the text into
    /// `Character`s (the coordinator masks each new household's No. KK). Nil for any other text.
    private static func maskASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return nil }
        let count = bytes.count
        let keptFirst = count > 6 ? 6 : 0
        let keptLast = count >= 16 ? 4 : 0
        return String(unsafeUninitializedCapacity: count) { masked in
            for index in 0..<count {
                masked[index] = index < keptFirst || index >= count - keptLast ? bytes[index] : UInt8(ascii: "*")
            }
            return count
        }
    }
}
