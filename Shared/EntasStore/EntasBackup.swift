import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A consistent copy of a service's SQLite file, taken while the service runs.
///
/// SQLite's `VACUUM INTO` writes the copy from one read transaction: in WAL mode it sees one
/// committed state of the whole file (every transaction either wholly in or wholly out) and
/// does not block the service's writer. The copy is written beside the destination under a
/// temporary name, checked with `PRAGMA integrity_check`, and only then renamed into place, so
/// a failed or interrupted backup never leaves a half-written file under the chosen name.
public enum EntasBackup {
    /// What a backup wrote.
    public struct Report: Sendable, Equatable {
        public var source: String
        public var destination: String
        public var bytes: Int
        /// The migrations applied in the copy, oldest first: what build can open it.
        public var migrations: [String]
    }

    /// Copies the database at `source` to `destination`.
    ///
    /// - Parameters:
    ///   - source: the service's SQLite file; it must exist (a backup never creates a store).
    ///   - destination: the copy; refused when it exists, unless `overwrite`.
    ///   - overwrite: replace an existing `destination` (atomically, once the copy is checked).
    /// - Throws: ``EntasBackupError``, naming the file and the fix.
    public static func copy(from source: String, to destination: String, overwrite: Bool = false) throws(EntasBackupError) -> Report {
        let sourceURL = URL(fileURLWithPath: source).standardizedFileURL
        let destinationURL = URL(fileURLWithPath: destination).standardizedFileURL
        guard FileManager.default.fileExists(atPath: sourceURL.path) else { throw .noSource(path: source) }
        guard sourceURL.resolvingSymlinksInPath() != destinationURL.resolvingSymlinksInPath() else {
            throw .destinationIsSource(path: destination)
        }
        if FileManager.default.fileExists(atPath: destinationURL.path) && !overwrite { throw .destinationExists(path: destination) }
        let folder = destinationURL.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: destination, reason: error.localizedDescription)
        }
        let partial = folder.appendingPathComponent(".\(destinationURL.lastPathComponent).partial-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: partial) }

        try vacuum(source, into: partial)
        let migrations = try check(partial, copyOf: source)
        guard rename(partial, destinationURL.path) == 0 else {
            throw .cannotWrite(path: destination, reason: String(cString: strerror(errno)))
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: destinationURL.path)[.size] as? Int) ?? 0
        return Report(source: source, destination: destination, bytes: bytes, migrations: migrations)
    }

    /// `PRAGMA integrity_check` of the database at `path`: `["ok"]` when sound, else SQLite's findings.
    public static func integrityCheck(of path: String) throws(EntasBackupError) -> [String] {
        do {
            let queue = try DatabaseQueue(path: path, configuration: readOnly())
            defer { try? queue.close() }
            return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        } catch {
            throw .unreadable(path: path, reason: reason(error))
        }
    }

    private static func vacuum(_ source: String, into partial: String) throws(EntasBackupError) {
        do {
            let queue = try DatabaseQueue(path: source, configuration: readOnly())
            defer { try? queue.close() }
            try queue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial]) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notADatabase(path: source)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN && FileManager.default.fileExists(atPath: source) {
            throw .cannotWrite(path: partial, reason: reason(error))
        } catch {
            throw .unreadable(path: source, reason: reason(error))
        }
    }

    /// The copy's integrity, then its migrations (an Entas store has at least one).
    private static func check(_ partial: String, copyOf source: String) throws(EntasBackupError) -> [String] {
        let findings = try integrityCheck(of: partial)
        guard findings == ["ok"] else { throw .copyDamaged(path: source, findings: Array(findings.prefix(5))) }
        do {
            let queue = try DatabaseQueue(path: partial, configuration: readOnly())
            defer { try? queue.close() }
            let migrations = try queue.read { db -> [String] in
                guard try db.tableExists("grdb_migrations") else { return [] }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            }
            guard !migrations.isEmpty else { throw EntasBackupError.notAnEntasStore(path: source) }
            return migrations
        } catch let error as EntasBackupError {
            throw error
        } catch {
            throw .unreadable(path: partial, reason: reason(error))
        }
    }

    /// A read-only connection that waits for the running service's locks like the service does
    /// (`VACUUM INTO` only reads the source).
    private static func readOnly() -> Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(EntasDatabase.busyTimeout)
        return configuration
    }

    private static func reason(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? String(describing: error)
    }
}
