import EntasTestKit
import EntasStore
import Foundation
import GRDB
import Testing

@Suite(.english) struct EntasDatabaseTests {
    @Test("opening creates the missing folders and the file, in WAL mode")
    func createsFolderAndFileInWALMode() async throws {
        let directory = try TemporaryFolder("EntasStoreTests")
        defer { directory.remove() }
        let path = directory.path("nested/deeper/social-aid.sqlite")

        let pool = try EntasDatabase.openPool(at: path, migrator: EntasDatabase.sharedMigrator)

        #expect(FileManager.default.fileExists(atPath: path))
        let journalMode = try await pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journalMode == "wal")
        try await expectIntegrity(pool)
        try pool.close()
    }

    @Test("every connection has foreign keys on, synchronous NORMAL and a busy timeout")
    func connectionSettings() async throws {
        try await withTemporaryDatabase { pool, _ in
            let writer = try await pool.write(Self.settings)
            let reader = try await pool.read(Self.settings)
            for settings in [writer, reader] {
                #expect(settings.foreignKeys == 1)
                #expect(settings.synchronous == 1)  // NORMAL
            }
            #expect(writer.busyTimeout == Int(EntasDatabase.busyTimeout * 1000))
            // GRDB gives pool readers their own, longer timeout (10 s) for the rare WAL cases that block them.
            #expect((reader.busyTimeout ?? 0) >= Int(EntasDatabase.busyTimeout * 1000))
        }
    }

    @Test("the shared migrations create the outbox, inbox and replica tables")
    func sharedTables() async throws {
        try await withTemporaryDatabase { pool, _ in
            let applied = try await pool.read { db in try EntasDatabase.sharedMigrator.appliedMigrations(db) }
            #expect(applied == ["v1-outbox", "v1-inbox", "v1-household-replica", "v2-inbox-without-rowid", "v3-household-member"])
            for table in ["outboxMessage", "inboxEntry", "householdReplica"] {
                #expect(try await pool.read { db in try db.tableExists(table) }, "\(table)")
            }
        }
    }

    @Test("migrations run once: reopening the file runs nothing again and keeps the data")
    func migrationsRunOnce() async throws {
        let directory = try TemporaryFolder("EntasStoreTests")
        defer { directory.remove() }
        let path = directory.path("service.sqlite")
        let runs = Counter()
        var migrator = EntasDatabase.sharedMigrator
        migrator.registerMigration("v1-service") { db in
            runs.increment()
            try db.create(table: "note") { t in t.column("text", .text).notNull() }
        }

        let first = try EntasDatabase.openPool(at: path, migrator: migrator)
        try await first.write { db in try db.execute(sql: "INSERT INTO note (text) VALUES ('kept')") }
        try first.close()
        let second = try EntasDatabase.openPool(at: path, migrator: migrator)

        #expect(runs.count == 1)
        let notes = try await second.read { db in try String.fetchAll(db, sql: "SELECT text FROM note") }
        #expect(notes == ["kept"])
        let migrationRows = try await second.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations")
        }
        #expect(migrationRows == 6)
        try await expectIntegrity(second)
        try second.close()
    }

    @Test("a file that is not SQLite gives notADatabase, naming the path")
    func notADatabase() throws {
        let directory = try TemporaryFolder("EntasStoreTests")
        defer { directory.remove() }
        let path = directory.path("notes.sqlite")
        try Data(String(repeating: "these are field notes, not a database\n", count: 40).utf8)
            .write(to: URL(fileURLWithPath: path))

        #expect(throws: EntasDatabaseError.notADatabase(path: path)) {
            try EntasDatabase.openPool(at: path, migrator: EntasDatabase.sharedMigrator)
        }
        #expect(EntasDatabaseError.notADatabase(path: path).description.contains(path))
    }

    @Test("a folder where the file should be gives cannotOpen")
    func folderInPlaceOfFile() throws {
        let directory = try TemporaryFolder("EntasStoreTests")
        defer { directory.remove() }
        let path = directory.path("service.sqlite")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)

        let error = #expect(throws: EntasDatabaseError.self) {
            try EntasDatabase.openPool(at: path, migrator: EntasDatabase.sharedMigrator)
        }
        guard case let .cannotOpen(errorPath, _) = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
    }

    @Test("a failing migration is named in the error and earlier migrations stay applied")
    func failingMigration() async throws {
        let directory = try TemporaryFolder("EntasStoreTests")
        defer { directory.remove() }
        let path = directory.path("service.sqlite")
        var migrator = EntasDatabase.sharedMigrator
        migrator.registerMigration("v2-broken") { db in
            try db.execute(sql: "CREATE TABLE broken (")
        }

        let error = #expect(throws: EntasDatabaseError.self) {
            try EntasDatabase.openPool(at: path, migrator: migrator)
        }
        guard case let .migrationFailed(errorPath, migration, _) = error else {
            Issue.record("expected migrationFailed, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
        #expect(migration == "v2-broken")

        let pool = try EntasDatabase.openPool(at: path, migrator: EntasDatabase.sharedMigrator)
        let applied = try await pool.read { db in try EntasDatabase.sharedMigrator.appliedMigrations(db) }
        #expect(applied == ["v1-outbox", "v1-inbox", "v1-household-replica", "v2-inbox-without-rowid", "v3-household-member"])
        try pool.close()
    }

    @Test("a file migrated by a newer build is refused, listing the unknown migrations")
    func newerSchemaIsRefused() throws {
        let directory = try TemporaryFolder("EntasStoreTests")
        defer { directory.remove() }
        let path = directory.path("service.sqlite")
        var newer = EntasDatabase.sharedMigrator
        newer.registerMigration("v9-future") { db in
            try db.create(table: "future") { t in t.column("x", .integer) }
        }
        try EntasDatabase.openPool(at: path, migrator: newer).close()

        #expect(throws: EntasDatabaseError.supersededSchema(path: path, unknownMigrations: ["v9-future"])) {
            try EntasDatabase.openPool(at: path, migrator: EntasDatabase.sharedMigrator)
        }
    }

    private struct Settings: Sendable {
        var foreignKeys: Int?
        var synchronous: Int?
        var busyTimeout: Int?
    }

    @Sendable private static func settings(_ db: Database) throws -> Settings {
        Settings(
            foreignKeys: try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
            synchronous: try Int.fetchOne(db, sql: "PRAGMA synchronous"),
            busyTimeout: try Int.fetchOne(db, sql: "PRAGMA busy_timeout"))
    }
}
