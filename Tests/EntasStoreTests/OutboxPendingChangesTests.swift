import EntasStore
import Foundation
import GRDB
import Testing
import EntasTestKit

@Suite(.timeLimit(.minutes(1)), .english)
struct OutboxPendingChangesTests {
    @Test("the wake-up sequence fires once at start, then on a commit made by another task")
    func wakesOnCommit() async throws {
        try await withTemporaryDatabase { pool, _ in
            let outbox = Outbox(pool)
            var wakeUps = outbox.pendingChanges().makeAsyncIterator()
            #expect(await wakeUps.next() != nil)  // the initial wake-up

            let writer = Task.detached {
                try await pool.write { db in try Outbox.enqueue(sampleEvent(), in: db) }
            }
            try await writer.value

            #expect(await wakeUps.next() != nil)
            #expect(try await outbox.pendingCount() == 1)
        }
    }

    @Test("an enqueue made before the relay starts waiting is not missed")
    func enqueueBeforeWaiting() async throws {
        try await withTemporaryDatabase { pool, _ in
            let outbox = Outbox(pool)
            try await pool.write { db in try Outbox.enqueue(sampleEvent(), in: db) }

            var wakeUps = outbox.pendingChanges().makeAsyncIterator()

            #expect(await wakeUps.next() != nil)
            #expect(try await outbox.unsent(limit: 10).count == 1)
        }
    }

    @Test("wake-ups that arrive while the relay is busy collapse into one")
    func wakeUpsCollapse() async throws {
        try await withTemporaryDatabase { pool, _ in
            let outbox = Outbox(pool)
            let stream = outbox.pendingChanges()
            // The relay is "busy": nobody reads while the initial wake-up and three commits arrive.
            for number in 1...3 {
                try await pool.write { db in try Outbox.enqueue(sampleEvent(number: number), in: db) }
            }

            let received = Counter()
            let relay = Task {
                for await _ in stream { received.increment() }
            }
            while received.count == 0 { try await Task.sleep(for: .milliseconds(10)) }
            try await Task.sleep(for: .milliseconds(200))
            relay.cancel()
            await relay.value

            #expect(received.count == 1)
            #expect(try await outbox.pendingCount() == 3)
        }
    }

    @Test("on a database without the shared migrations the sequence ends at once")
    func missingTable() async throws {
        let queue = try DatabaseQueue()
        var wakeUps = 0
        for await _ in Outbox(queue).pendingChanges() { wakeUps += 1 }
        #expect(wakeUps == 0)
    }

    @Test("a relay that stops iterating stops the observation; commits afterwards still succeed")
    func stoppingTheRelay() async throws {
        try await withTemporaryDatabase { pool, _ in
            let outbox = Outbox(pool)
            let received = Counter()
            let relay = Task {
                for await _ in outbox.pendingChanges() { received.increment() }
            }
            while received.count == 0 { try await Task.sleep(for: .milliseconds(10)) }
            relay.cancel()
            await relay.value

            try await pool.write { db in try Outbox.enqueue(sampleEvent(), in: db) }
            #expect(received.count == 1)
            #expect(try await outbox.pendingCount() == 1)
        }
    }
}
