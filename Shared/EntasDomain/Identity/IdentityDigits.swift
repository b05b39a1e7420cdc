/// The rules a No. KK and a NIK share: 16 ASCII digits whose first six are a kecamatan in the reference.
enum IdentityDigits {
    /// Checks length, digits and kecamatan prefix and returns the digits as numbers 0–9.
    static func validate(
        _ string: String, field: String, in reference: RegionReference
    ) throws(IdentityNumberError) -> [UInt8] {
        let length = string.count
        guard length == 16 else { throw .wrongLength(field: field, length: length) }
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        for character in string {
            guard let ascii = character.asciiValue, ascii >= UInt8(ascii: "0"), ascii <= UInt8(ascii: "9") else {
                throw .nonDigit(field: field)
            }
            digits.append(ascii - UInt8(ascii: "0"))
        }
        let prefix = String(string.prefix(6))
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
