import EntasDomain
import Foundation
import GRDB

/// The transactional outbox of one service database (`outboxMessage`).
///
/// A service writes its change and ``enqueue(_:at:in:)`` in one transaction; the outbox relay then reads
/// ``unsent(limit:)``, publishes, and calls ``markSent(_:at:)`` on the delivery reports. Rows wait while
/// Kafka is down and survive restarts.
///
/// There is one relay per database file, so nothing is claimed or locked: "claiming" is reading the unsent
/// rows in id (enqueue) order. A second relay on the same file would publish every event twice (consumers
/// would drop the duplicates through their inbox, but it wastes the broker's work).
public struct Outbox: Sendable {
    /// The longest ``OutboxMessage/lastError`` kept; longer messages are cut.
    public static let maximumErrorLength = 1_000

    let writer: any DatabaseWriter

    /// An outbox over `writer`, a database migrated with ``EntasDatabase/registerSharedMigrations(_:)``.
    public init(_ writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Adds `event` to the outbox, inside the caller's write transaction, next to the change it reports.
    ///
    /// ```swift
    /// try await writer.write { db in
    ///     try enrolment.insert(db)
    ///     try Outbox.enqueue(event, in: db)
    /// }
    /// ```
    /// - Throws: ``OutboxError/duplicateEvent(id:)`` when the id is already enqueued,
    ///   ``OutboxError/outsideTransaction`` when `db` is not in a transaction, or a `DatabaseError`.
    public static func enqueue(_ event: EncodedEvent, at date: Date = Date(), in db: Database) throws {
        guard db.isInsideTransaction else { throw OutboxError.outsideTransaction }
        do {
            // Every write of a service enqueues: one cached statement, the headers written by hand (OutboxHeaders).
            let insert = try db.cachedStatement(
                sql: "INSERT INTO outboxMessage (eventId, topic, key, headers, value, createdAt) VALUES (?, ?, ?, ?, ?, ?)")
            let headers = try OutboxHeaders.text(event.headers)
            try insert.execute(arguments: [
                event.id.lowercaseText, event.topic, event.key, headers, event.value, DatabaseTimestamp.value(date),
            ])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw OutboxError.duplicateEvent(id: event.id)
        }
    }

    /// Up to `limit` unsent rows, oldest (lowest id) first.
    public func unsent(limit: Int) async throws -> [OutboxMessage] {
        guard limit > 0 else { return [] }
        return try await writer.read { db in
            try OutboxMessage.all().unsent().order(OutboxMessage.Columns.id).limit(limit).fetchAll(db)
        }
    }

    /// An unsent row as the relay publishes it: its id and its Kafka record's parts.
    public struct UnsentEvent: Sendable {
        public var id: Int64
        public var topic: String
        /// The Kafka key: the household's KK number.
        public var key: String
        /// The Kafka headers, in name order.
        public var headers: [OutboxHeader]
        public var value: Data
    }

    /// Up to `limit` unsent events with their row ids, oldest (lowest id) first, after row `after` (the relay
    /// reads the rows after a batch still in flight): what the relay publishes. Read by position from one
    /// cached statement, without the columns publishing does not need, the headers straight into name order
    /// (the relay reads thousands of rows a second).
    public func unsentEvents(after: Int64 = 0, limit: Int) async throws -> [UnsentEvent] {
        guard limit > 0 else { return [] }
        return try await writer.read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT id, topic, key, headers, value FROM outboxMessage WHERE sentAt IS NULL AND id > ? ORDER BY id LIMIT ?")
            var events: [UnsentEvent] = []
            events.reserveCapacity(min(limit, 10_000))
            let rows = try Row.fetchCursor(statement, arguments: [after, limit])
            while let row = try rows.next() {
                events.append(
                    UnsentEvent(
                        id: try row.decode(atIndex: 0), topic: try row.decode(atIndex: 1), key: try row.decode(atIndex: 2),
                        headers: try OutboxHeaders.pairs(row.decode(atIndex: 3)), value: try row.decode(atIndex: 4)))
            }
            return events
        }
    }

    /// Marks the rows `ids` as published at `date`. Rows already sent keep their first `sentAt`; unknown ids
    /// are ignored.
    public func markSent(_ ids: [Int64], at date: Date) async throws {
        guard !ids.isEmpty else { return }
        try await writer.write { db in
            // Rows are read in id order, so the ids sent mostly run consecutively: one statement per run.
            let statement = try db.cachedStatement(
                sql: "UPDATE outboxMessage SET sentAt = ? WHERE id BETWEEN ? AND ? AND sentAt IS NULL")
            for run in Self.runs(of: ids.sorted()) {
                try statement.execute(arguments: [date, run.lowerBound, run.upperBound])
            }
        }
    }

    /// `ids` (sorted) as runs of consecutive ids: [1, 2, 3, 7] is 1...3 and 7...7.
    static func runs(of ids: [Int64]) -> [ClosedRange<Int64>] {
        var runs: [ClosedRange<Int64>] = []
        for id in ids {
            if let last = runs.last, last.upperBound + 1 == id {
                runs[runs.count - 1] = last.lowerBound...id
            } else {
                runs.append(id...id)
            }
        }
        return runs
    }

    /// Records a failed publishing attempt of row `id`: `attempts` grows by one and `lastError` becomes
    /// `error` (cut to ``maximumErrorLength``). The row stays unsent. An unknown id is ignored.
    ///
    /// `error` is shown to operators: pass the broker's error, never the event's key or value.
    public func recordFailure(_ id: Int64, error: String) async throws {
        let message = String(error.prefix(Self.maximumErrorLength))
        _ = try await writer.write { db in
            try OutboxMessage.filter(key: id).updateAll(
                db,
                OutboxMessage.Columns.attempts += 1,
                OutboxMessage.Columns.lastError.set(to: message))
        }
    }

    /// How many rows wait to be published.
    public func pendingCount() async throws -> Int {
        try await writer.read { db in try OutboxMessage.all().unsent().fetchCount(db) }
    }

    /// How long the oldest unsent row has waited at `now`, or nil when nothing waits.
    public func oldestPendingAge(now: Date = Date()) async throws -> TimeInterval? {
        let oldest = try await writer.read { db in
            try Date.fetchOne(db, OutboxMessage.all().unsent().select(min(OutboxMessage.Columns.createdAt)))
        }
        return oldest.map { max(0, now.timeIntervalSince($0)) }
    }

    /// Deletes rows sent before `date` (housekeeping) and returns how many. Unsent rows are never deleted.
    @discardableResult
    public func purgeSent(olderThan date: Date) async throws -> Int {
        try await writer.write { db in
            try OutboxMessage
                .filter(OutboxMessage.Columns.sentAt != nil && OutboxMessage.Columns.sentAt < date)
                .deleteAll(db)
        }
    }

    /// Every row, sent or not, oldest first: for tools and tests, not for the relay.
    public func all() async throws -> [OutboxMessage] {
        try await writer.read { db in try OutboxMessage.order(OutboxMessage.Columns.id).fetchAll(db) }
    }
}
