import Foundation

/// The JSON data of one Entas event type (the CloudEvents `data`). Each payload struct names its
/// ``eventType`` and checks the contract's rules in ``validate(in:)``: decoding runs the check (against
/// ``RegionReference/eastJava``), and so does ``EventEnvelope/encoded()`` before publishing.
public protocol EventData: Codable, Sendable, Equatable {
    /// The type and version this payload is the schema of.
    static var eventType: EventType { get }

    /// Checks the rules that the field types alone do not: region codes exist at the right level, counts are
    /// in range, texts are not blank, and so on.
    func validate(in reference: RegionReference) throws(EventValidationError)

    /// This payload in the ``EventPayload`` enum.
    var eventPayload: EventPayload { get }
}

extension EventData {
    /// Runs ``validate(in:)`` against the East Java reference at the end of `init(from:)`, turning a failure
    /// into a `DecodingError` whose underlying error is the ``EventValidationError``.
    func checkDecoded(_ decoder: any Decoder) throws {
        do {
            try validate(in: .eastJava)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }
}

extension KeyedEncodingContainer {
    /// Writes a UUID in lowercase, as RFC 9562 recommends and `ce_id` uses.
    mutating func encodeLowercase(_ id: UUID, forKey key: Key) throws {
        try encode(id.uuidString.lowercased(), forKey: key)
    }
}
