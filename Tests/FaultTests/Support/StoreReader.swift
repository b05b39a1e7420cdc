import EntasStore
import Foundation
import GRDB

/// Reads a service's SQLite file from the test process, read-only, while the service runs
/// (WAL: the reader sees the last committed state and does not block the service).
enum StoreReader {
    static func read<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read(body)
    }

    static func count(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try read(path) { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    /// Rows per table (GRDB's own tables aside): a fingerprint of "nothing was written".
    static func rowCounts(_ path: String) throws -> [String: Int] {
        try read(path) { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
            var counts: [String: Int] = [:]
            for table in tables { counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? 0 }
            return counts
        }
    }

    /// Every row of every table as text, ordered: two stores hold the same data when these are equal.
    static func dump(_ path: String, skipping skipped: Set<String> = []) throws -> [String: [String]] {
        try read(path) { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            var dump: [String: [String]] = [:]
            for table in tables where !skipped.contains(table) {
                dump[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { "\($0)" }.sorted()
            }
            return dump
        }
    }
}
