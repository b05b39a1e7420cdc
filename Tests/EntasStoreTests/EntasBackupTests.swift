import EntasTestKit
import EntasStore
import Foundation
import GRDB
import Testing

@Suite(.english) struct EntasBackupTests {
    @Test("a backup is a sound copy with every committed row, even with the WAL not yet checkpointed")
    func copiesCommittedRows() async throws {
        let directory = try TemporaryFolder("EntasStoreTests")
        defer { directory.remove() }
        let pool = try EntasDatabase.openPool(at: directory.path("store.sqlite"), migrator: testMigrator())
        try await pool.write { db in
            for index in 0..<50 { try db.execute(sql: "INSERT INTO sideEffect (note) VALUES (?)", arguments: ["row \(index)"]) }
        }
        let report = try EntasBackup.copy(from: directory.path("store.sqlite"), to: directory.path("backups/copy.sqlite"))
        #expect(report.bytes > 0)
        #expect(report.migrations.last == "test-sideEffect")
        #expect(try EntasBackup.integrityCheck(of: directory.path("backups/copy.sqlite")) == ["ok"])
        let copy = try DatabaseQueue(path: directory.path("backups/copy.sqlite"))
        #expect(try await copy.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sideEffect") } == 50)
        // No temporary file is left beside the copy.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("backups")) == ["copy.sqlite"])
        try pool.close()
    }

    @Test("an existing destination is kept unless overwriting is asked for")
    func refusesToOverwrite() throws {
        let directory = try TemporaryFolder("EntasStoreTests")
        defer { directory.remove() }
        _ = try EntasDatabase.openPool(at: directory.path("store.sqlite"), migrator: testMigrator())
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: directory.path("old.sqlite")))
        #expect(throws: EntasBackupError.destinationExists(path: directory.path("old.sqlite"))) {
            try EntasBackup.copy(from: directory.path("store.sqlite"), to: directory.path("old.sqlite"))
        }
        #expect(try String(contentsOfFile: directory.path("old.sqlite"), encoding: .utf8) == "keep me")
        _ = try EntasBackup.copy(from: directory.path("store.sqlite"), to: directory.path("old.sqlite"), overwrite: true)
        #expect(try EntasBackup.integrityCheck(of: directory.path("old.sqlite")) == ["ok"])
    }

    @Test("a missing store, the store itself, and a file that is no database are refused with the fix")
    func refusesBadSources() throws {
        let directory = try TemporaryFolder("EntasStoreTests")
        defer { directory.remove() }
        #expect(throws: EntasBackupError.noSource(path: directory.path("none.sqlite"))) {
            try EntasBackup.copy(from: directory.path("none.sqlite"), to: directory.path("copy.sqlite"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path("none.sqlite")), "a backup never creates a store")
        _ = try EntasDatabase.openPool(at: directory.path("store.sqlite"), migrator: testMigrator())
        #expect(throws: EntasBackupError.destinationIsSource(path: directory.path("store.sqlite"))) {
            try EntasBackup.copy(from: directory.path("store.sqlite"), to: directory.path("store.sqlite"), overwrite: true)
        }
        try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: directory.path("junk.sqlite")))
        #expect(throws: EntasBackupError.notADatabase(path: directory.path("junk.sqlite"))) {
            try EntasBackup.copy(from: directory.path("junk.sqlite"), to: directory.path("copy.sqlite"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path("copy.sqlite")))
        #expect(EntasBackupError.destinationExists(path: "/x").description.contains("--force"))
    }
}
