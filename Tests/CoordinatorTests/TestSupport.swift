import EntasTestKit
import EntasAPI
import EntasDomain
import EntasStore
import Foundation
import GRDB
import Testing

@testable import Coordinator


/// The coordinator's migrator: EntasStore's shared tables (inbox) plus the read model.
func coordinatorMigrator() -> DatabaseMigrator {
    var migrator = EntasDatabase.sharedMigrator
    CoordinatorMigrations.register(&migrator)
    return migrator
}

/// A fixed test secret (32 bytes).
let testSecret: HouseholdKeySecret = {
    // 64 hex digits; the initialiser cannot fail on them.
    (try? HouseholdKeySecret(hex: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"))
        ?? { fatalError("test secret") }()
}()

/// Runs `body` with a read model and a `DatabasePool` on a new file in a new temporary folder, checks the
/// file's integrity afterwards, closes the pool and removes the folder.
func withReadModel(
    _ body: (DatabasePool, CoordinatorReadModel, TemporaryFolder) async throws -> Void
) async throws {
    let directory = try TemporaryFolder("CoordinatorTests")
    defer { directory.remove() }
    let pool = try EntasDatabase.openPool(at: directory.path("coordinator.sqlite"), migrator: coordinatorMigrator())
    try await body(pool, CoordinatorReadModel(secret: testSecret), directory)
    let integrity = try await pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    #expect(integrity == "ok")
    try pool.close()
}

/// Applies events in order, each in its own transaction through the inbox, as the subscription does.
func applyThroughInbox(_ events: [EventEnvelope], _ model: CoordinatorReadModel, _ pool: DatabasePool) async throws {
    let inbox = Inbox(pool)
    for event in events {
        _ = try await inbox.applyOnce(eventID: event.id, eventType: event.eventType.ceType) { db in
            try model.apply(event, db)
        }
    }
}

/// Applies events in order in one transaction, as one batch of the subscription (fast, for large tests).
func applyAll(_ events: [EventEnvelope], _ model: CoordinatorReadModel, _ pool: DatabasePool) async throws {
    try await pool.write { db in try model.apply(events, db) }
}

/// Expects the incremental region tables to equal a recount from scratch and every household row to be
/// up to date.
func expectConsistent(_ pool: DatabasePool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let (stored, recount, stale) = try await pool.read { db in
        (
            try CoordinatorReadModel.stored(db), try CoordinatorReadModel.recount(db),
            try CoordinatorReadModel.staleHouseholds(db)
        )
    }
    #expect(stored.aggregates == recount.aggregates, sourceLocation: sourceLocation)
    #expect(stored.strategies == recount.strategies, sourceLocation: sourceLocation)
    #expect(stored.months == recount.months, sourceLocation: sourceLocation)
    #expect(stale.isEmpty, sourceLocation: sourceLocation)
}

/// A small, seeded random number generator (SplitMix64), so shuffles and random data repeat.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
