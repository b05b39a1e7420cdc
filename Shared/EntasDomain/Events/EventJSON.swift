import Foundation

/// The JSON conventions of event values, and the translation of `DecodingError` into ``EventDecodingError``.
enum EventJSON {
    /// The largest value accepted, in bytes (Kafka's default message limit).
    static let maximumValueSize = 1_048_576

    /// One encoder and one decoder for every event (both are thread-safe once configured): making one per
    /// event cost as much as the coding itself.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            guard let text = InstantFormat.format(date) else {
                throw EncodingError.invalidValue(
                    date, .init(codingPath: encoder.codingPath, debugDescription: "instant outside years 1–9999"))
            }
            try container.encode(text)
        }
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = InstantFormat.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not an RFC 3339 instant such as 2027-03-01T02:03:04Z")
            }
            return date
        }
        return decoder
    }()

    static func encode(_ data: some EventData) throws(EventEncodingError) -> Data {
        do {
            return try encoder.encode(data)
        } catch {
            throw .unencodable(reason: SafeEcho.message(String(describing: error)))
        }
    }

    /// Decodes and validates `value`; with `plain`, a value that is a ``PlainJSONObject`` is read by it (without
    /// `JSONDecoder`), and any other, or one `plain` does not take, by the decoder.
    static func decode<Payload: EventData>(
        _ value: Data, plain: ((PlainJSONObject) -> Payload?)? = nil
    ) throws(EventDecodingError) -> Payload {
        guard !value.isEmpty else { throw .invalidJSON("the value is empty") }
        guard value.count <= maximumValueSize else {
            throw .invalidJSON("the value has \(value.count) bytes, more than the \(maximumValueSize) accepted")
        }
        let firstByte = value.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        guard firstByte == UInt8(ascii: "{") else {
            throw .invalidJSON("it does not start with '{'; an event value is one JSON object")
        }
        let payload: Payload
        do {
            if let plain, let object = PlainJSONObject(value), let read = plain(object) {
                payload = read
            } else {
                payload = try decoder.decode(Payload.self, from: value)
            }
        } catch let error as DecodingError {
            throw translate(error)
        } catch {
            throw .invalidJSON(SafeEcho.message(String(describing: error)))
        }
        // The contract's rules beyond the field types, checked once, here, for every event read.
        do {
            try payload.validate(in: .eastJava)
        } catch {
            throw .invalidField(path: joined("", error.path), reason: error.reason)
        }
        return payload
    }

    /// Maps a decoding failure to the dead-letter reason consumers publish.
    static func translate(_ error: DecodingError) -> EventDecodingError {
        switch error {
        case .keyNotFound(let key, let context):
            return .missingField(path(context.codingPath + [key]))
        case .valueNotFound(_, let context):
            return context.codingPath.isEmpty
                ? .invalidJSON("the value is null") : .missingField(path(context.codingPath))
        case .typeMismatch(_, let context):
            guard !context.codingPath.isEmpty else { return .invalidJSON("the value must be a JSON object") }
            return .invalidField(path: path(context.codingPath), reason: SafeEcho.message(context.debugDescription))
        case .dataCorrupted(let context):
            if let invalid = context.underlyingError as? EventValidationError {
                return .invalidField(path: joined(path(context.codingPath), invalid.path), reason: invalid.reason)
            }
            guard !context.codingPath.isEmpty else {
                let detail = context.underlyingError.map { SafeEcho.message(String(describing: $0)) }
                return .invalidJSON(
                    "not valid JSON: a syntax error, a truncated value or a number too large for 64 bits"
                        + (detail.map { " (\($0))" } ?? ""))
            }
            return .invalidField(path: path(context.codingPath), reason: reason(context))
        @unknown default:
            return .invalidJSON(SafeEcho.message(String(describing: error)))
        }
    }

    /// `criteriaMet[2]`, `period`: dotted keys, array indexes in brackets; empty for the top level.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == "\(index)" {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// A validation path (`$` for the whole object) below the path of the object it was found in.
    private static func joined(_ base: String, _ path: String) -> String {
        if base.isEmpty { return path }
        return path == "$" ? base : base + "." + path
    }

    /// Our own value errors already speak safely; anything else is masked.
    private static func reason(_ context: DecodingError.Context) -> String {
        switch context.underlyingError {
        case let error as IdentityNumberError: error.description
        case let error as RegionCodeError: error.description
        case let error as CalendarDateError: error.description
        case let error as PeriodError: error.description
        default: SafeEcho.message(context.debugDescription)
        }
    }
}
