/// Decoding of string enums with an error that lists the accepted values (and never echoes long digit runs).
enum DecodingHelp {
    static func decodeEnum<Value: RawRepresentable & CaseIterable>(from decoder: any Decoder) throws -> Value
    where Value.RawValue == String {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let value = Value(rawValue: text) { return value }
        let error = UnknownValueError(
            value: SafeEcho.quoted(text), typeName: "\(Value.self)", accepted: Value.allCases.map(\.rawValue))
        throw DecodingError.dataCorrupted(
            .init(codingPath: container.codingPath, debugDescription: error.description, underlyingError: error))
    }
}

/// A text that is none of the values a field accepts (`"kaya" is not a known PovertyStatus`).
public struct UnknownValueError: Error, Sendable, Hashable, CustomStringConvertible, MessageConvertible {
    /// The text given, quoted and made safe to repeat.
    public let value: String
    /// The name of the accepted values' type (`PovertyStatus`).
    public let typeName: String
    /// The accepted values, as JSON writes them.
    public let accepted: [String]

    public var message: Message {
        Message("domain.value.unknown", .text(value), .text(typeName), .text(accepted.joined(separator: ", ")))
    }

    /// The English text, for logs.
    public var description: String { message.description }
}
