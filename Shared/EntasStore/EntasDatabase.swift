import CSQLiteSettings
import Foundation
import GRDB

/// Opening a service's SQLite file, and the migrations every service shares.
///
/// Each service owns one file and opens it once for the life of the process, as a `DatabasePool`
/// (WAL: one writer, concurrent readers):
///
/// ```swift
/// var migrator = DatabaseMigrator()
/// EntasDatabase.registerSharedMigrations(&migrator)
/// migrator.registerMigration("v1-enrolment") { db in … }
/// let pool = try EntasDatabase.openPool(at: ".entas/social-aid.sqlite", migrator: migrator)
/// ```
public enum EntasDatabase {
    /// How long a connection waits for another connection's lock before failing with `SQLITE_BUSY`.
    public static let busyTimeout: TimeInterval = 5

    /// Opens (creating when missing) the database at `path` and migrates it.
    ///
    /// Creates the parent folder, opens a `DatabasePool` in WAL mode with foreign keys on, a busy timeout
    /// of ``busyTimeout`` and `synchronous = NORMAL`, then runs `migrator`. A file already migrated by a
    /// newer build (with migrations `migrator` does not know) is refused rather than written by older code.
    /// It blocks while migrating: call it once at startup, before the service takes requests or events.
    ///
    /// - Parameters:
    ///   - path: the database file, e.g. `.entas/social-aid.sqlite`.
    ///   - migrator: the shared migrations (``registerSharedMigrations(_:)``) followed by the service's own.
    ///   - configuration: a base GRDB configuration; busy mode, foreign keys and the pragma are set on top.
    ///   - writerCacheKiB: the writer connection's page cache (``writerCacheKiB``, or the coordinator's
    ///     larger ``readModelWriterCacheKiB``).
    ///   - walAutocheckpointPages: WAL pages after which the writer's commit checkpoints (``walAutocheckpointPages``;
    ///     ``checkpointedWalAutocheckpointPages`` when a checkpointer of its own copies the WAL meanwhile).
    /// - Throws: ``EntasDatabaseError``, naming the path and the fix.
    public static func openPool(
        at path: String,
        migrator: DatabaseMigrator,
        configuration: Configuration = Configuration(),
        writerCacheKiB: Int = writerCacheKiB,
        walAutocheckpointPages: Int = walAutocheckpointPages
    ) throws(EntasDatabaseError) -> DatabasePool {
        try createParentDirectory(of: path)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: productionConfiguration(
                configuration, writerCacheKiB: writerCacheKiB, walAutocheckpointPages: walAutocheckpointPages))
        } catch {
            throw openingError(error, path: path)
        }
        try migrate(pool, with: migrator, path: path)
        return pool
    }

    /// A service's writer connection's page cache, in KiB.
    public static let writerCacheKiB = 32_768
    /// The coordinator's writer's page cache, in KiB: its read model is written all over by every event, and
    /// 64 MiB applied 1,000,000 events a third faster than 32 MiB, its peak RSS inside the 300 MB target
    /// (docs/performance.md).
    public static let readModelWriterCacheKiB = 65_536
    /// WAL pages after which a commit checkpoints.
    public static let walAutocheckpointPages = 4_096
    /// WAL pages after which a commit checkpoints when the service's own checkpointer (`WALCheckpointer`)
    /// copies the WAL beside the writer: the bound on the WAL (64 MiB of 4 KiB pages) should that one fall behind.
    public static let checkpointedWalAutocheckpointPages = 16_384

    /// `configuration` with the settings every Entas database uses.
    static func productionConfiguration(
        _ base: Configuration, writerCacheKiB: Int = writerCacheKiB, walAutocheckpointPages: Int = walAutocheckpointPages
    ) -> Configuration {
        _ = sqliteSettings
        var configuration = base
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // In WAL mode, NORMAL loses no committed transaction when the *process* crashes (the WAL is
            // in the file system already); only a power loss or OS crash may roll back the last commits,
            // and the file is never corrupted. Kafka redelivery and the outbox cover that window. GRDB
            // sets this for the writer too; we say it for every connection so the choice is explicit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            guard !db.configuration.readonly else { return }
            // The one writer: a page cache large enough for a batch's B-tree paths (32 or 64 MiB at most,
            // used only as filled), and a checkpoint after 4,096 WAL pages rather than 1,000, so a large batch
            // does not checkpoint at every commit; after 16,384 when a checkpointer copies the WAL beside it
            // (docs/performance.md has the measurements).
            try db.execute(sql: "PRAGMA cache_size = -\(writerCacheKiB)")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(walAutocheckpointPages)")
        }
        return configuration
    }

    /// SQLite's process-wide options, set once before the process's first connection opens: connections without
    /// a mutex of their own (GRDB never uses one from two threads at once) and no memory statistics (a global
    /// mutex at every allocation). Both spare the writer locking it does not need (docs/performance.md).
    /// SQLITE_MISUSE when SQLite was used before (a test process's own connections): SQLite then runs as built.
    static let sqliteSettings: CInt = entas_sqlite_configure()

    private static func createParentDirectory(of path: String) throws(EntasDatabaseError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: path, reason: error.localizedDescription)
        }
    }

    private static func openingError(_ error: any Error, path: String) -> EntasDatabaseError {
        guard let error = error as? DatabaseError else {
            return .cannotOpen(path: path, reason: String(describing: error))
        }
        if error.resultCode == .SQLITE_NOTADB {
            return .notADatabase(path: path)
        }
        return .cannotOpen(path: path, reason: error.message ?? "SQLite error \(error.resultCode.rawValue)")
    }

    private static func migrate(
        _ pool: DatabasePool, with migrator: DatabaseMigrator, path: String
    ) throws(EntasDatabaseError) {
        do {
            let unknown = try pool.read { db in
                try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
            }
            if !unknown.isEmpty {
                throw EntasDatabaseError.supersededSchema(path: path, unknownMigrations: unknown.sorted())
            }
            try migrator.migrate(pool)
            // The check above opened a reader on the schema before the migrations; a statement it prepares would
            // keep that schema's columns (a column a migration added would be "not found"), so it is closed.
            pool.invalidateReadOnlyConnections()
        } catch let error as EntasDatabaseError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notADatabase(path: path)
        } catch {
            // Migrations run in order, each in its own transaction: the first one not applied failed.
            let applied = (try? pool.read { db in try migrator.appliedIdentifiers(db) }) ?? []
            let failed = migrator.migrations.first { !applied.contains($0) }
            let reason = (error as? DatabaseError)?.message ?? String(describing: error)
            throw .migrationFailed(path: path, migration: failed, reason: reason)
        }
    }
}
