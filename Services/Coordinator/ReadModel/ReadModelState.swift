import EntasAPI
import GRDB

/// How far the read model has got (`readModelState`, one row): the latest `ce_time` among the events
/// applied and how many were applied.
struct ReadModelState: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "readModelState"

    var id: Int
    var lastEventTime: Timestamp?
    var eventsApplied: Int

    /// The row (the migration inserts it).
    static func current(_ db: Database) throws -> ReadModelState {
        try ReadModelState.fetchOne(db, key: 1) ?? ReadModelState(id: 1, lastEventTime: nil, eventsApplied: 0)
    }

    /// Counts `count` more events, the latest seen at `time` (one cached statement: it runs for every batch).
    /// Timestamps are fixed-width text that sorts like the instants, so SQLite's `max` picks the later one.
    static func record(_ count: Int, latestAt time: Timestamp, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                UPDATE readModelState SET eventsApplied = eventsApplied + ?1,
                    lastEventTime = max(coalesce(lastEventTime, ?2), ?2)
                WHERE id = 1
                """
        ).execute(arguments: [count, time])
    }
}
