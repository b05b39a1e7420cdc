import EntasDomain
import Foundation
import GRDB

/// The inbox of one service database (`inboxEntry`): the ids of the events it has applied, so a redelivered
/// event is skipped. With Kafka's at-least-once delivery this makes applying effectively once.
///
/// A consumer calls ``applyOnce(eventID:eventType:at:_:)`` for each event and stores the Kafka offset only
/// after it returns, whatever the outcome.
public struct Inbox: Sendable {
    private let writer: any DatabaseWriter

    /// An inbox over `writer`, a database migrated with ``EntasDatabase/registerSharedMigrations(_:)``.
    public init(_ writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Applies an event unless it was applied before, in one write transaction.
    ///
    /// If `eventID` is in the inbox, nothing runs and the result is ``InboxOutcome/duplicate``. Otherwise
    /// `apply` runs, then the inbox entry is inserted, and both commit together (``InboxOutcome/applied``).
    /// If `apply` throws, the transaction rolls back (neither its changes nor the entry are kept) and the
    /// error propagates, so the event can be retried or sent to the dead-letter topic.
    ///
    /// Writes are serialised by the database writer, so concurrent calls with one id apply it once; the
    /// primary key on `inboxEntry.eventId` guards the same across processes.
    public func applyOnce(
        eventID: UUID,
        eventType: String,
        at date: Date = Date(),
        _ apply: @Sendable (Database) throws -> Void
    ) async throws -> InboxOutcome {
        try await writer.write { db in
            if try Self.contains(eventID, in: db) { return .duplicate }
            try apply(db)
            try InboxEntry(eventId: eventID, eventType: eventType, appliedAt: date).insert(db)
            return .applied
        }
    }

    /// Applies, in ONE write transaction, those of `events` that were not applied before: an id already in
    /// the inbox, or repeated within `events`, is skipped. `apply` gets the indices of the new ones, in order,
    /// and runs once; then their inbox entries are inserted. If `apply` throws, nothing of the batch is
    /// written and the error propagates, so the caller can fall back to one event at a time.
    /// Outcomes come back in the order of `events`.
    public func applyNew(
        _ events: [(eventID: UUID, eventType: String)],
        at date: Date = Date(),
        _ apply: @Sendable ([Int], Database) throws -> Void
    ) async throws -> [InboxOutcome] {
        try await writer.write { db in
            let known = try Self.applied(among: events.map(\.eventID), in: db)
            var outcomes: [InboxOutcome] = []
            outcomes.reserveCapacity(events.count)
            var new: [Int] = []
            var seen: Set<UUID> = []
            for (index, event) in events.enumerated() {
                if !seen.insert(event.eventID).inserted || known.contains(event.eventID) {
                    outcomes.append(.duplicate)
                } else {
                    outcomes.append(.applied)
                    new.append(index)
                }
            }
            guard !new.isEmpty else { return outcomes }
            try apply(new, db)
            // In id order: the inbox's B-tree is written from one end to the other rather than at random.
            let ordered = new.map { (id: events[$0].eventID.lowercaseText, type: events[$0].eventType) }
                .sorted { $0.id < $1.id }
            for entry in ordered {
                try Self.record(text: entry.id, eventType: entry.type, at: date, in: db)
            }
            return outcomes
        }
    }

    /// Records `eventID` as applied, inside the caller's transaction (a service records its own events as it
    /// writes them, so they are not applied again when they come back): one cached statement.
    /// - Throws: a GRDB constraint error when the id is recorded already.
    public static func record(_ eventID: UUID, eventType: String, at date: Date, in db: Database) throws {
        try record(text: eventID.lowercaseText, eventType: eventType, at: date, in: db)
    }

    private static func record(text eventID: String, eventType: String, at date: Date, in db: Database) throws {
        try DirectStatement(db, sql: "INSERT INTO inboxEntry (eventId, eventType, appliedAt) VALUES (?, ?, ?)")
            .execute(eventID, eventType, DatabaseTimestamp.value(date))
    }

    /// Those of `eventIDs` already in the inbox: one statement per 500 ids rather than one per event.
    static func applied(among eventIDs: [UUID], in db: Database) throws -> Set<UUID> {
        // The ids found are mapped back to the ones asked for, not read again from their text.
        var byText: [String: UUID] = [:]
        byText.reserveCapacity(eventIDs.count)
        for id in eventIDs { byText[id.lowercaseText] = id }
        let present = try db.presentValues(of: "eventId", in: "inboxEntry", among: Array(byText.keys))
        return Set(present.compactMap { byText[$0] })
    }

    /// True when `eventID` has been applied in this database.
    public static func contains(_ eventID: UUID, in db: Database) throws -> Bool {
        // A statement prepared once per connection: this runs for every event consumed.
        try SQLRequest<Bool>(
            sql: "SELECT EXISTS (SELECT 1 FROM inboxEntry WHERE eventId = ?)",
            arguments: [eventID.lowercaseText], cached: true
        ).fetchOne(db) ?? false
    }

    /// Those of `eventIDs` that have been applied.
    public func recorded(among eventIDs: [UUID]) async throws -> Set<UUID> {
        try await writer.read { db in try Self.applied(among: eventIDs, in: db) }
    }

    /// True when `eventID` has been applied.
    public func contains(_ eventID: UUID) async throws -> Bool {
        try await writer.read { db in try Self.contains(eventID, in: db) }
    }

    /// How many events have been applied (the number of inbox entries).
    public func count() async throws -> Int {
        try await writer.read { db in try InboxEntry.fetchCount(db) }
    }

    /// Deletes entries applied before `date` and returns how many (housekeeping). Only safe for events
    /// older than anything Kafka could still redeliver (the topic's retention).
    @discardableResult
    public func purge(appliedBefore date: Date) async throws -> Int {
        try await writer.write { db in
            try InboxEntry.filter(InboxEntry.Columns.appliedAt < date).deleteAll(db)
        }
    }
}
