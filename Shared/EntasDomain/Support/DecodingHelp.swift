/// Decoding of string enums with an error that lists the accepted values (and never echoes long digit runs).
enum DecodingHelp {
    static func decodeEnum<Value: RawRepresentable & CaseIterable>(from decoder: any Decoder) throws -> Value
    where Value.RawValue == String {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let value = Value(rawValue: text) { return value }
        let accepted = Value.allCases.map(\.rawValue).joined(separator: ", ")
        throw DecodingError.dataCorruptedError(
            in: container,
            debugDescription: "\(SafeEcho.quoted(text)) is not a known \(Value.self); use one of: \(accepted)")
    }
}
