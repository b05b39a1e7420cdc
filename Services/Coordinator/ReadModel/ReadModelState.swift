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

    /// Counts one more event, seen at `time`.
    static func record(_ time: Timestamp, _ db: Database) throws {
        var state = try current(db)
        state.eventsApplied += 1
        state.lastEventTime = max(state.lastEventTime ?? time, time)
        try state.upsert(db)
    }
}
