/// The rules a No. KK and a NIK share: 16 ASCII digits whose first six are a kecamatan in the reference.
enum IdentityDigits {
    /// Checks length, digits and kecamatan prefix and returns the digits as numbers 0–9.
    static func validate(
        _ string: String, field: String, in reference: RegionReference
    ) throws(IdentityNumberError) -> [UInt8] {
        // Read as bytes: sixteen ASCII digits are sixteen bytes (counting and walking Characters cost more
        // than the rest of a row's checks). Anything else is refused as the characters a person typed.
        let bytes = string.utf8
        guard bytes.count == 16, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            let length = string.count
            throw length == 16 ? .nonDigit(field: field) : .wrongLength(field: field, length: length)
        }
        let digits = bytes.map { $0 - UInt8(ascii: "0") }
        let prefix = String(decoding: bytes.prefix(6), as: UTF8.self)
        guard reference.kecamatan(forDigits: prefix) != nil else {
            throw .unknownKecamatan(field: field, prefix: prefix)
        }
        return digits
    }

    /// The two-digit number at `index` and `index + 1`.
    static func pair(_ digits: [UInt8], at index: Int) -> Int {
        Int(digits[index]) * 10 + Int(digits[index + 1])
    }
}
