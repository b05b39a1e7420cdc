#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import GRDB
import GRDBSQLite

/// A cached statement bound, stepped and read through SQLite's C API (the statement GRDB prepared and caches):
/// for the statements a store runs for every event, where GRDB's per-statement plumbing (each value boxed into
/// `StatementArguments`, the observation checks, a copied `Row`) costs more than SQLite's own work.
///
/// Only for statements on tables no GRDB observation tracks (the outbox is observed; never write it this way),
/// inside a transaction GRDB opened. Values go in and out through their `DatabaseValueConvertible` conformance,
/// so a value is stored exactly as GRDB would store it.
public struct DirectStatement {
    @usableFromInline let statement: Statement
    @usableFromInline let handle: SQLiteStatement
    @usableFromInline let connection: SQLiteConnection?

    /// The statement for `sql`, from the connection's statement cache.
    public init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// Runs the statement with `values` bound to its parameters, in order.
    @inlinable
    public func execute<each Value: DatabaseValueConvertible>(_ values: repeat each Value) throws {
        bindAll(repeat each values)
        try run()
    }

    /// Runs the statement with `values` bound to its parameters and reads its first row, if any.
    @inlinable
    public func readOne<each Value: DatabaseValueConvertible, Result>(
        _ values: repeat each Value, reading read: (DirectRow) throws -> Result
    ) throws -> Result? {
        bindAll(repeat each values)
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return try read(DirectRow(handle: handle))
        case SQLITE_DONE: return nil
        case let code: throw error(code)
        }
    }

    /// Runs the statement with `values` bound to its parameters and reads every row.
    @inlinable
    public func readAll<each Value: DatabaseValueConvertible, Result>(
        _ values: repeat each Value, reading read: (DirectRow) throws -> Result
    ) throws -> [Result] {
        var results: [Result] = []
        try forEachRow(repeat each values, reading: { results.append(try read($0)) })
        return results
    }

    /// Runs the statement with `values` bound to its parameters and hands each row to `body`.
    @inlinable
    public func forEachRow<each Value: DatabaseValueConvertible>(
        _ values: repeat each Value, reading body: (DirectRow) throws -> Void
    ) throws {
        bindAll(repeat each values)
        defer { sqlite3_reset(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: try body(DirectRow(handle: handle))
            case SQLITE_DONE: return
            case let code: throw error(code)
            }
        }
    }

    /// Binds `values` to the parameters 1, 2, … after a reset (a statement left stepping by an earlier use
    /// starts over).
    @inlinable
    func bindAll<each Value: DatabaseValueConvertible>(_ values: repeat each Value) {
        sqlite3_reset(handle)
        var index: CInt = 0
        for value in repeat each values {
            index += 1
            bind(value.databaseValue, at: index)
        }
    }

    /// Binds the values of `list` (any convertible values, in order) to the parameters 1, 2, … and runs the
    /// statement: for a row written from an array of its columns.
    public func execute(list: [(any DatabaseValueConvertible)?]) throws {
        sqlite3_reset(handle)
        for (offset, value) in list.enumerated() {
            bind(value?.databaseValue ?? .null, at: CInt(offset + 1))
        }
        try run()
    }

    /// Steps the bound statement once (a write, or a statement whose rows nobody reads) and resets it.
    @usableFromInline
    func run() throws {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code) }
    }

    /// Text and blobs are copied by SQLite (`SQLITE_TRANSIENT`), so nothing bound outlives its Swift value.
    @usableFromInline
    func bind(_ value: DatabaseValue, at index: CInt) {
        switch value.storage {
        case .null: sqlite3_bind_null(handle, index)
        case .int64(let number): sqlite3_bind_int64(handle, index, number)
        case .double(let number): sqlite3_bind_double(handle, index, number)
        case .string(var text):
            // The string's own UTF-8 bytes, not a C-string copy of them. Up to the first NUL, as GRDB binds a
            // string (as a C string); an empty buffer may have no address, which SQLite would bind as NULL.
            text.withUTF8 { bytes in
                // The NUL found by memchr, the C library's vectorised search (`firstIndex(of:)` went byte by byte).
                guard let start = bytes.baseAddress,
                    case let length = memchr(start, 0, bytes.count).map { UnsafeRawPointer(start).distance(to: $0) } ?? bytes.count,
                    length > 0
                else {
                    sqlite3_bind_text(handle, index, "", 0, Self.transient)
                    return
                }
                sqlite3_bind_text(handle, index, start, CInt(length), Self.transient)
            }
        case .blob(let bytes):
            _ = bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, CInt($0.count), Self.transient) }
        }
    }

    @usableFromInline static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// The connection's error for result code `code`, as GRDB reports it.
    @usableFromInline
    func error(_ code: CInt) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) },
            sql: statement.sql)
    }
}

/// The current row of a ``DirectStatement``, read by column position; valid only inside the reading closure.
public struct DirectRow {
    @usableFromInline let handle: SQLiteStatement

    @usableFromInline
    init(handle: SQLiteStatement) {
        self.handle = handle
    }

    /// The statement's SQL, for an error (made only then: it costs more than reading a row).
    @usableFromInline
    var sql: String { sqlite3_sql(handle).map { String(cString: $0) } ?? "" }

    /// The value of column `index` (from 0), as GRDB would decode it.
    /// - Throws: ``DirectRowError`` when the column holds what `Value` cannot be made from.
    @inlinable
    public subscript<Value: DatabaseValueConvertible>(_ index: Int) -> Value {
        get throws {
            let stored = DatabaseValue(sqliteStatement: handle, index: CInt(index))
            guard let value = Value.fromDatabaseValue(stored) else {
                throw DirectRowError.undecodable(column: index, type: "\(Value.self)", sql: sql)
            }
            return value
        }
    }
}

/// A stored value a hot-path read could not decode: the store holds what this release does not write.
public enum DirectRowError: Error, Sendable, Equatable, CustomStringConvertible {
    case undecodable(column: Int, type: String, sql: String)

    public var description: String {
        switch self {
        case .undecodable(let column, let type, let sql):
            "column \(column) of `\(sql)` holds a value that is not a \(type); the store was written by another "
                + "release or edited by hand: restore it from a backup or, for the coordinator, rebuild it "
                + "(entas-coordinator rebuild)"
        }
    }
}
