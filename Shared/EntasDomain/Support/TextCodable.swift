/// A value written in JSON as one string, its text form, and checked when read: a bad text is
/// a `DecodingError.dataCorrupted` whose underlying error is the type's own, so a reader (the
/// event decoding, a request's problem document) can say what was wrong without echoing input.
public protocol TextCodable: Codable {
    associatedtype TextError: Error, CustomStringConvertible
    /// Reads the text form.
    static func parse(_ text: String) throws(TextError) -> Self
    /// The text form, as written to JSON.
    var jsonText: String { get }
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try Self.parse(text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(jsonText)
    }
}
