import Foundation

/// An event as it travels on Kafka: the topic it belongs on, the key (the household's
/// KK number, so one household's events stay in order on one partition), the CloudEvents
/// binary-mode headers (`ce_id`, `ce_type`, …, `content-type`) and the JSON value.
///
/// This is what the outbox stores and the relay publishes; `EventEnvelope` turns it into
/// typed payloads and back.
public struct EncodedEvent: Sendable, Hashable {
    /// The CloudEvents id (`ce_id`), unique per event; inboxes dedupe on it.
    public var id: UUID
    public var topic: String
    public var key: String
    public var headers: [String: String]
    public var value: Data

    public init(id: UUID, topic: String, key: String, headers: [String: String], value: Data) {
        self.id = id
        self.topic = topic
        self.key = key
        self.headers = headers
        self.value = value
    }
}
