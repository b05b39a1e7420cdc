import EntasDomain
import Foundation
import GRDB

/// One row of `outboxMessage`: an event written in the same transaction as the change it reports, waiting
/// for the relay to publish it to Kafka.
///
/// Enqueue with ``Outbox/enqueue(_:at:in:)``; the relay reads the unsent rows' events with
/// ``Outbox/unsentEvents(after:limit:)``; ``Outbox/unsent(limit:)`` reads whole rows. The key and value
/// hold household data (the KK number, the payload): never log them.
public struct OutboxMessage: Sendable, Hashable, Identifiable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "outboxMessage"

    /// The row id, increasing with every enqueue: the publishing order.
    public var id: Int64
    /// The CloudEvents id (`ce_id`), unique in the table.
    public var eventId: UUID
    public var topic: String
    /// The Kafka key: the household's KK number.
    public var key: String
    /// The Kafka headers (CloudEvents binary mode), stored as a JSON object.
    public var headers: [String: String]
    /// The Kafka value: the event's JSON data.
    public var value: Data
    public var createdAt: Date
    /// When the broker acknowledged the event; nil while it waits.
    public var sentAt: Date?
    /// How many publishing attempts failed.
    public var attempts: Int
    /// The last publishing failure, for operators.
    public var lastError: String?

    /// A row as stored (rows are normally fetched; ``Outbox/enqueue(_:at:in:)`` writes them).
    public init(
        id: Int64, event: EncodedEvent, createdAt: Date, sentAt: Date? = nil, attempts: Int = 0,
        lastError: String? = nil
    ) {
        self.id = id
        eventId = event.id
        topic = event.topic
        key = event.key
        headers = event.headers
        value = event.value
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.attempts = attempts
        self.lastError = lastError
    }

    /// The event to publish, as it was enqueued.
    public var encodedEvent: EncodedEvent {
        EncodedEvent(id: eventId, topic: topic, key: key, headers: headers, value: value)
    }

    /// The table's columns, for requests.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let eventId = Column(CodingKeys.eventId)
        public static let topic = Column(CodingKeys.topic)
        public static let key = Column(CodingKeys.key)
        public static let headers = Column(CodingKeys.headers)
        public static let value = Column(CodingKeys.value)
        public static let createdAt = Column(CodingKeys.createdAt)
        public static let sentAt = Column(CodingKeys.sentAt)
        public static let attempts = Column(CodingKeys.attempts)
        public static let lastError = Column(CodingKeys.lastError)
    }

    /// Event ids are stored as lowercase text (`"e621e1f8-…"`), readable with the sqlite3 shell.
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy {
        .lowercaseString
    }

    /// Headers as a JSON object with sorted keys, so equal headers give equal text (``OutboxHeaders``).
    public static func databaseJSONEncoder(for column: String) -> JSONEncoder {
        OutboxHeaders.encoder
    }
}

extension OutboxMessage: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The id, event id, topic and attempts: never the key (a KK number) or the value.
    public var description: String {
        "OutboxMessage(id: \(id), eventId: \(eventId.lowercaseText), topic: \(topic), "
            + "attempts: \(attempts), sent: \(sentAt != nil))"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["id": id, "eventId": eventId, "topic": topic, "attempts": attempts])
    }
}

extension DerivableRequest<OutboxMessage> {
    /// Rows the relay has not published yet.
    public func unsent() -> Self {
        filter(OutboxMessage.Columns.sentAt == nil)
    }
}

// The relay reads thousands of rows a second: decoded by hand (GRDB's `init(row:)`) rather than through
// Codable, the headers by ``OutboxHeaders``.
extension OutboxMessage {
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        eventId = try row.decode(forColumn: "eventId")
        topic = try row.decode(forColumn: "topic")
        key = try row.decode(forColumn: "key")
        headers = try OutboxHeaders.headers(row.decode(forColumn: "headers"))
        value = try row.decode(forColumn: "value")
        createdAt = try row.decode(forColumn: "createdAt")
        sentAt = try row.decode(forColumn: "sentAt")
        attempts = try row.decode(forColumn: "attempts")
        lastError = try row.decode(forColumn: "lastError")
    }
}
