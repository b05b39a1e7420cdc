/// Zero-padded decimal text without `String(format:)` (which depends on Foundation and the locale).
enum DemoDigits {
    /// `value` written with at least `width` digits, zeros in front: `padded(7, 3)` is `"007"`.
    /// Negative values are written as 0.
    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(max(value, 0))
        let missing = width - text.utf8.count
        return missing > 0 ? String(repeating: "0", count: missing) + text : text
    }
}
