import EntasTestKit
import EntasDomain
import EntasStore
import Foundation
import GRDB
import Synchronization
import Testing


/// The shared migrations plus a test table, `sideEffect`, that inbox tests write as "the domain change".
func testMigrator() -> DatabaseMigrator {
    var migrator = EntasDatabase.sharedMigrator
    migrator.registerMigration("test-sideEffect") { db in
        try db.create(table: "sideEffect") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("note", .text).notNull()
        }
    }
    return migrator
}

/// Runs `body` with a `DatabasePool` on a new file in a new temporary folder (WAL, as in production), checks
/// `PRAGMA integrity_check` afterwards, closes the pool and removes the folder.
func withTemporaryDatabase(
    migrator: DatabaseMigrator = testMigrator(),
    _ body: (DatabasePool, TemporaryFolder) async throws -> Void
) async throws {
    let directory = try TemporaryFolder("EntasStoreTests")
    defer { directory.remove() }
    let pool = try EntasDatabase.openPool(at: directory.path("service.sqlite"), migrator: migrator)
    try await body(pool, directory)
    try await expectIntegrity(pool)
    try pool.close()
}

/// Expects SQLite to find the file sound.
func expectIntegrity(_ writer: any DatabaseWriter) async throws {
    let result = try await writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    #expect(result == "ok")
}

/// Rows in the test table `sideEffect`.
func sideEffectCount(_ writer: any DatabaseWriter) async throws -> Int {
    try await writer.read { db in try Table("sideEffect").fetchCount(db) }
}

/// A small event for outbox tests: a fresh id, the household topic, a KK key and JSON bytes.
func sampleEvent(number: Int = 1, id: UUID = UUID()) -> EncodedEvent {
    EncodedEvent(
        id: id,
        topic: "entas.households",
        key: "3509310101080001",
        headers: [
            "ce_id": id.lowercaseText,
            "ce_type": "id.go.jatim.entas.household.registered.v1",
            "ce_source": "/entas/social-aid",
            "content-type": "application/json",
        ],
        value: Data(#"{"n":\#(number)}"#.utf8))
}

/// Counts how often a closure ran, across tasks.
final class Counter: Sendable {
    private let value = Mutex(0)

    func increment() { value.withLock { $0 += 1 } }

    var count: Int { value.withLock { $0 } }
}

/// An error a test throws on purpose.
struct PlannedFailure: Error, Equatable {}
