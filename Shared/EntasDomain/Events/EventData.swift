import Foundation

/// The JSON data of one Entas event type (the CloudEvents `data`). Each payload struct names its
/// ``eventType`` and checks the contract's rules in ``validate(in:)``: reading an event
/// (``EventEnvelope/decode(headers:value:)``) runs the check once, against ``RegionReference/eastJava``,
/// and so does ``EventEnvelope/encoded()`` before publishing. A payload's `Codable` is synthesised: field
/// types that encode themselves (``KKNumber``, ``RegionCode``, ``LowercaseUUID``, …) give the contract's form.
public protocol EventData: Codable, Sendable, Equatable {
    /// The type and version this payload is the schema of.
    static var eventType: EventType { get }

    /// Checks the rules that the field types alone do not: region codes exist at the right level, counts are
    /// in range, texts are not blank, and so on.
    func validate(in reference: RegionReference) throws(EventValidationError)

    /// This payload in the ``EventPayload`` enum.
    var eventPayload: EventPayload { get }
}
