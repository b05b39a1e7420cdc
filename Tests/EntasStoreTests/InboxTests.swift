import EntasStore
import Foundation
import GRDB
import Testing
import EntasTestKit

@Suite(.english) struct InboxTests {
    private static let eventType = "id.go.jatim.entas.household.registered.v1"

    @Test("a redelivered event is applied once; the second delivery is a duplicate and its closure never runs")
    func redeliveredEventAppliedOnce() async throws {
        try await withTemporaryDatabase { pool, _ in
            let inbox = Inbox(pool)
            let id = UUID()
            let runs = Counter()

            let first = try await inbox.applyOnce(eventID: id, eventType: Self.eventType) { db in
                runs.increment()
                try db.execute(sql: "INSERT INTO sideEffect (note) VALUES ('first')")
            }
            let second = try await inbox.applyOnce(eventID: id, eventType: Self.eventType) { db in
                runs.increment()
                try db.execute(sql: "INSERT INTO sideEffect (note) VALUES ('second')")
            }

            #expect(first == .applied)
            #expect(second == .duplicate)
            #expect(runs.count == 1)
            #expect(try await sideEffectCount(pool) == 1)
            #expect(try await inbox.count() == 1)
            #expect(try await inbox.contains(id))
            #expect(try await pool.read { db in try Inbox.contains(id, in: db) })
            #expect(try await !inbox.contains(UUID()))
        }
    }

    @Test("an apply that throws leaves no inbox entry and no partial change, and the event can be retried")
    func throwingApplyRollsBack() async throws {
        try await withTemporaryDatabase { pool, _ in
            let inbox = Inbox(pool)
            let id = UUID()

            await #expect(throws: PlannedFailure.self) {
                try await inbox.applyOnce(eventID: id, eventType: Self.eventType) { db in
                    try db.execute(sql: "INSERT INTO sideEffect (note) VALUES ('half done')")
                    throw PlannedFailure()
                }
            }
            #expect(try await sideEffectCount(pool) == 0)
            #expect(try await inbox.count() == 0)

            let retry = try await inbox.applyOnce(eventID: id, eventType: Self.eventType) { db in
                try db.execute(sql: "INSERT INTO sideEffect (note) VALUES ('done')")
            }
            #expect(retry == .applied)
            #expect(try await sideEffectCount(pool) == 1)
        }
    }

    @Test("a batch applies only its new events, once each, in one call; a batch whose apply throws leaves nothing")
    func batchAppliesNewEventsOnce() async throws {
        try await withTemporaryDatabase { pool, _ in
            let inbox = Inbox(pool)
            let (old, first, second) = (UUID(), UUID(), UUID())
            _ = try await inbox.applyOnce(eventID: old, eventType: Self.eventType) { _ in }
            let batch = [old, first, first, second].map { (eventID: $0, eventType: Self.eventType) }

            await #expect(throws: PlannedFailure.self) {
                try await inbox.applyNew(batch) { _, db in
                    try db.execute(sql: "INSERT INTO sideEffect (note) VALUES ('half done')")
                    throw PlannedFailure()
                }
            }
            #expect(try await sideEffectCount(pool) == 0)
            #expect(try await inbox.count() == 1)

            let calls = Counter()
            let outcomes = try await inbox.applyNew(batch) { new, db in
                calls.increment()
                // The one already applied and the repeat of `first` are left out, the order kept.
                #expect(new == [1, 3])
                for _ in new { try db.execute(sql: "INSERT INTO sideEffect (note) VALUES ('applied')") }
            }
            #expect(outcomes == [.duplicate, .applied, .duplicate, .applied])
            #expect(calls.count == 1)
            #expect(try await sideEffectCount(pool) == 2)
            #expect(try await inbox.count() == 3)

            let again = try await inbox.applyNew(batch) { _, _ in calls.increment() }
            #expect(again == [.duplicate, .duplicate, .duplicate, .duplicate])
            #expect(calls.count == 1)
        }
    }

    @Test("concurrent deliveries of one event from several tasks apply it exactly once")
    func concurrentDeliveries() async throws {
        try await withTemporaryDatabase { pool, _ in
            let inbox = Inbox(pool)
            let id = UUID()
            let runs = Counter()

            let outcomes = try await withThrowingTaskGroup(of: InboxOutcome.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        try await inbox.applyOnce(eventID: id, eventType: Self.eventType) { db in
                            runs.increment()
                            try db.execute(sql: "INSERT INTO sideEffect (note) VALUES ('applied')")
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            #expect(outcomes.filter { $0 == .applied }.count == 1)
            #expect(outcomes.filter { $0 == .duplicate }.count == 15)
            #expect(runs.count == 1)
            #expect(try await sideEffectCount(pool) == 1)
        }
    }

    @Test("the entry records the event type and time, with the id as lowercase text")
    func entryContents() async throws {
        try await withTemporaryDatabase { pool, _ in
            let id = UUID()
            let appliedAt = Date(timeIntervalSince1970: 1_750_000_000)
            _ = try await Inbox(pool).applyOnce(eventID: id, eventType: Self.eventType, at: appliedAt) { _ in }

            let entry = try await pool.read { db in try InboxEntry.fetchOne(db, key: id) }
            #expect(entry == InboxEntry(eventId: id, eventType: Self.eventType, appliedAt: appliedAt))
            let storedID = try await pool.read { db in try String.fetchOne(db, sql: "SELECT eventId FROM inboxEntry") }
            #expect(storedID == id.lowercaseText)
        }
    }

    @Test("purge removes only entries applied before the date")
    func purge() async throws {
        try await withTemporaryDatabase { pool, _ in
            let inbox = Inbox(pool)
            let day = Date(timeIntervalSince1970: 1_750_000_000)
            let old = UUID()
            let recent = UUID()
            _ = try await inbox.applyOnce(eventID: old, eventType: Self.eventType, at: day) { _ in }
            let nextDay = day.addingTimeInterval(86_400)
            _ = try await inbox.applyOnce(eventID: recent, eventType: Self.eventType, at: nextDay) { _ in }

            #expect(try await inbox.purge(appliedBefore: day.addingTimeInterval(3_600)) == 1)
            #expect(try await !inbox.contains(old))
            #expect(try await inbox.contains(recent))
        }
    }
}
