import EntasTestKit
import EntasDomain
import EntasStore
import Foundation
import GRDB
import Testing

@Suite(.english) struct OutboxTests {
    @Test("an event enqueued in a transaction that then throws leaves no row")
    func rolledBackEnqueue() async throws {
        try await withTemporaryDatabase { pool, _ in
            await #expect(throws: PlannedFailure.self) {
                try await pool.write { db in
                    try db.execute(sql: "INSERT INTO sideEffect (note) VALUES ('change')")
                    try Outbox.enqueue(sampleEvent(), in: db)
                    throw PlannedFailure()
                }
            }
            let pending = try await Outbox(pool).pendingCount()
            let changes = try await sideEffectCount(pool)
            #expect(pending == 0)
            #expect(changes == 0)
        }
    }

    @Test("unsent rows come back oldest first, up to the limit, as the events enqueued")
    func unsentInOrder() async throws {
        try await withTemporaryDatabase { pool, _ in
            let events = (1...5).map { sampleEvent(number: $0) }
            for event in events {
                try await pool.write { db in try Outbox.enqueue(event, in: db) }
            }
            let outbox = Outbox(pool)

            let all = try await outbox.unsent(limit: 10)
            #expect(all.map(\.encodedEvent) == events)
            #expect(all.map(\.id) == all.map(\.id).sorted())
            #expect(Set(all.map(\.id)).count == events.count)
            #expect(try await outbox.unsent(limit: 2).map(\.encodedEvent) == Array(events.prefix(2)))
            #expect(try await outbox.unsent(limit: 0).isEmpty)
            #expect(all.allSatisfy { $0.attempts == 0 && $0.sentAt == nil && $0.lastError == nil })
        }
    }

    @Test("an event round-trips: headers as a JSON object, the id as lowercase text, empty and binary values")
    func roundTrip() async throws {
        try await withTemporaryDatabase { pool, _ in
            let id = UUID()
            let empty = EncodedEvent(id: id, topic: "entas.households", key: "k", headers: [:], value: Data())
            let binary = EncodedEvent(
                id: UUID(), topic: "entas.umkm", key: "", headers: ["a/b": "x\"y", "ç": "ü"],
                value: Data([0, 1, 2, 255, 0]))
            try await pool.write { db in
                try Outbox.enqueue(empty, in: db)
                try Outbox.enqueue(binary, in: db)
            }

            let rows = try await Outbox(pool).unsent(limit: 10)
            #expect(rows.map(\.encodedEvent) == [empty, binary])
            let stored = try await pool.read { db -> [String] in
                let row = try Row.fetchOne(
                    db, sql: "SELECT eventId, headers, typeof(value) FROM outboxMessage ORDER BY id LIMIT 1")
                return row.map { [$0[0], $0[1], $0[2]] } ?? []
            }
            #expect(stored == [id.lowercaseText, "{}", "blob"])
        }
    }

    @Test("an enqueued row starts unsent, with no attempts, and ids follow enqueue order")
    func enqueuedRow() async throws {
        try await withTemporaryDatabase { pool, _ in
            let event = sampleEvent()
            let createdAt = Date(timeIntervalSince1970: 1_750_000_000)
            try await pool.write { db in
                try Outbox.enqueue(event, at: createdAt, in: db)
                try Outbox.enqueue(sampleEvent(number: 2), at: createdAt, in: db)
            }

            let rows = try await Outbox(pool).unsent(limit: 2)
            #expect(rows.first == OutboxMessage(id: 1, event: event, createdAt: createdAt))
            #expect(rows.map(\.id) == [1, 2])
        }
    }

    @Test("markSent removes rows from the unsent list and records when")
    func markSent() async throws {
        try await withTemporaryDatabase { pool, _ in
            for number in 1...3 {
                try await pool.write { db in try Outbox.enqueue(sampleEvent(number: number), in: db) }
            }
            let outbox = Outbox(pool)
            let rows = try await outbox.unsent(limit: 10)
            let sentAt = Date(timeIntervalSince1970: 1_750_000_000)

            try await outbox.markSent(rows.prefix(2).map(\.id), at: sentAt)
            try await outbox.markSent([], at: sentAt)
            try await outbox.markSent([9_999], at: sentAt)

            #expect(try await outbox.unsent(limit: 10).map(\.id) == [rows[2].id])
            #expect(try await outbox.pendingCount() == 1)
            let sent = try await outbox.all().filter { $0.sentAt != nil }
            #expect(sent.map(\.id) == rows.prefix(2).map(\.id))
            #expect(sent.allSatisfy { $0.sentAt == sentAt })
        }
    }

    @Test("marking a row sent twice keeps the first sentAt")
    func markSentTwice() async throws {
        try await withTemporaryDatabase { pool, _ in
            try await pool.write { db in try Outbox.enqueue(sampleEvent(), in: db) }
            let outbox = Outbox(pool)
            let id = try #require(try await outbox.unsent(limit: 1).first?.id)
            let first = Date(timeIntervalSince1970: 1_750_000_000)

            try await outbox.markSent([id], at: first)
            try await outbox.markSent([id], at: first.addingTimeInterval(60))

            #expect(try await outbox.all().first?.sentAt == first)
        }
    }

    @Test("recordFailure counts attempts, keeps the last error and leaves the row unsent")
    func recordFailure() async throws {
        try await withTemporaryDatabase { pool, _ in
            try await pool.write { db in try Outbox.enqueue(sampleEvent(), in: db) }
            let outbox = Outbox(pool)
            let id = try #require(try await outbox.unsent(limit: 1).first?.id)

            try await outbox.recordFailure(id, error: "Local: Message timed out")
            try await outbox.recordFailure(id, error: String(repeating: "x", count: 5_000))

            let row = try #require(try await outbox.unsent(limit: 1).first)
            #expect(row.attempts == 2)
            #expect(row.lastError == String(repeating: "x", count: Outbox.maximumErrorLength))
            #expect(try await outbox.pendingCount() == 1)
        }
    }

    @Test("the same event id enqueued twice fails with duplicateEvent and keeps the first row")
    func duplicateEventID() async throws {
        try await withTemporaryDatabase { pool, _ in
            let id = UUID()
            try await pool.write { db in try Outbox.enqueue(sampleEvent(number: 1, id: id), in: db) }

            await #expect(throws: OutboxError.duplicateEvent(id: id)) {
                try await pool.write { db in
                    try db.execute(sql: "INSERT INTO sideEffect (note) VALUES ('second change')")
                    try Outbox.enqueue(sampleEvent(number: 2, id: id), in: db)
                }
            }
            let rows = try await Outbox(pool).all()
            #expect(rows.map(\.encodedEvent.value) == [Data(#"{"n":1}"#.utf8)])
            #expect(try await sideEffectCount(pool) == 0)
            #expect(OutboxError.duplicateEvent(id: id).description.contains(id.lowercaseText))
        }
    }

    @Test("enqueueing outside a transaction is refused")
    func outsideTransaction() async throws {
        try await withTemporaryDatabase { pool, _ in
            await #expect(throws: OutboxError.outsideTransaction) {
                try await pool.writeWithoutTransaction { db in try Outbox.enqueue(sampleEvent(), in: db) }
            }
            let pending = try await Outbox(pool).pendingCount()
            #expect(pending == 0)
        }
    }

    @Test("oldestPendingAge is nil when nothing waits, else the age of the oldest unsent row")
    func oldestPendingAge() async throws {
        try await withTemporaryDatabase { pool, _ in
            let outbox = Outbox(pool)
            let start = Date(timeIntervalSince1970: 1_750_000_000)
            #expect(try await outbox.oldestPendingAge(now: start) == nil)

            try await pool.write { db in
                try Outbox.enqueue(sampleEvent(number: 1), at: start, in: db)
                try Outbox.enqueue(sampleEvent(number: 2), at: start.addingTimeInterval(30), in: db)
            }
            #expect(try await outbox.oldestPendingAge(now: start.addingTimeInterval(90)) == 90)

            let first = try #require(try await outbox.unsent(limit: 1).first?.id)
            try await outbox.markSent([first], at: start.addingTimeInterval(91))
            #expect(try await outbox.oldestPendingAge(now: start.addingTimeInterval(90)) == 60)
        }
    }

    @Test("purgeSent deletes only rows sent before the date, and ids keep increasing afterwards")
    func purgeSent() async throws {
        try await withTemporaryDatabase { pool, _ in
            for number in 1...3 {
                try await pool.write { db in try Outbox.enqueue(sampleEvent(number: number), in: db) }
            }
            let outbox = Outbox(pool)
            let ids = try await outbox.unsent(limit: 10).map(\.id)
            let day = Date(timeIntervalSince1970: 1_750_000_000)
            try await outbox.markSent([ids[0]], at: day)
            try await outbox.markSent([ids[1]], at: day.addingTimeInterval(86_400))

            #expect(try await outbox.purgeSent(olderThan: day.addingTimeInterval(3_600)) == 1)
            #expect(try await outbox.all().map(\.id) == [ids[1], ids[2]])

            #expect(try await outbox.purgeSent(olderThan: day.addingTimeInterval(10 * 86_400)) == 1)
            try await pool.write { db in try Outbox.enqueue(sampleEvent(number: 4), in: db) }
            let remaining = try await outbox.all().map(\.id)
            #expect(remaining.count == 2)
            #expect(remaining[0] == ids[2])
            #expect(remaining[1] > ids[2])
        }
    }

    @Test("unsent rows survive a restart: closing and reopening the file keeps them, in order")
    func survivesRestart() async throws {
        let directory = try TemporaryFolder("EntasStoreTests")
        defer { directory.remove() }
        let path = directory.path("service.sqlite")
        let events = (1...3).map { sampleEvent(number: $0) }

        let before = try EntasDatabase.openPool(at: path, migrator: testMigrator())
        for event in events {
            try await before.write { db in try Outbox.enqueue(event, in: db) }
        }
        let firstID = try #require(try await Outbox(before).unsent(limit: 1).first?.id)
        try await Outbox(before).markSent([firstID], at: Date())
        try before.close()

        let after = try EntasDatabase.openPool(at: path, migrator: testMigrator())
        #expect(try await Outbox(after).unsent(limit: 10).map(\.encodedEvent) == Array(events.dropFirst()))
        try await expectIntegrity(after)
        try after.close()
    }

    @Test("printing or dumping a row never shows the key (a KK number) or the value")
    func printingHidesKey() {
        let event = sampleEvent()
        let row = OutboxMessage(id: 7, event: event, createdAt: Date())
        var dumped = ""
        dump(row, to: &dumped)

        for text in [String(describing: row), String(reflecting: row), dumped] {
            #expect(!text.contains(event.key))
            #expect(!text.contains(#""n":1"#))
        }
    }
}
