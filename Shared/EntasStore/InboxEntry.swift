import Foundation
import GRDB

/// One row of `inboxEntry`: an event this database has applied, by its CloudEvents id.
public struct InboxEntry: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "inboxEntry"

    /// The CloudEvents id (`ce_id`): the primary key, so an event is recorded at most once.
    public var eventId: UUID
    /// The CloudEvents type (`ce_type`), e.g. `id.go.jatim.entas.household.registered.v1`.
    public var eventType: String
    public var appliedAt: Date

    public init(eventId: UUID, eventType: String, appliedAt: Date) {
        self.eventId = eventId
        self.eventType = eventType
        self.appliedAt = appliedAt
    }

    /// The table's columns, for requests.
    public enum Columns {
        public static let eventId = Column(CodingKeys.eventId)
        public static let eventType = Column(CodingKeys.eventType)
        public static let appliedAt = Column(CodingKeys.appliedAt)
    }

    /// Event ids are stored as lowercase text, as in `outboxMessage`.
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy {
        .lowercaseString
    }
}
