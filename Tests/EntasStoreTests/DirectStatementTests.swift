import EntasDomain
import EntasStore
import EntasTestKit
import Foundation
import GRDB
import Testing

@Suite("Statements bound and read through SQLite's API", .english)
struct DirectStatementTests {
    /// A table of every kind of value the hot paths store, in a real SQLite file.
    private func withValueTable(_ body: (DatabasePool) async throws -> Void) async throws {
        var migrator = testMigrator()
        migrator.registerMigration("test-value") { db in
            try db.execute(
                sql: "CREATE TABLE value (id INTEGER PRIMARY KEY, text TEXT, number REAL, bytes BLOB, region TEXT, date TEXT, flag INTEGER, UNIQUE (text))")
        }
        try await withTemporaryDatabase(migrator: migrator) { pool, _ in try await body(pool) }
    }

    @Test("store each value as GRDB does, and read it back as GRDB decodes it")
    func sameAsGRDB() async throws {
        try await withValueTable { pool in
            let region = try RegionCode("35.09.31.2001")
            let date = Date(timeIntervalSince1970: 1_796_000_000.125)
            let insert = "INSERT INTO value (id, text, number, bytes, region, date, flag) VALUES (?, ?, ?, ?, ?, ?, ?)"
            let bytes = Data([0, 1, 2, 255])
            try await pool.write { db in
                try DirectStatement(db, sql: insert).execute(Int64(1), "satu", 2.5, bytes, region, date, true)
                try db.execute(sql: insert, arguments: [2, "satu-grdb", 2.5, bytes, region, date, true])
                try DirectStatement(db, sql: insert).execute(list: [Int64(3), nil, nil, nil, nil, nil, false])
                try DirectStatement(db, sql: insert).execute(Int64(4), String?.none, Double?.none, Data?.none, RegionCode?.none, Date?.none, Bool?.none)
            }
            try await pool.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT number, bytes, region, date, flag, typeof(flag) FROM value WHERE id IN (1, 2) ORDER BY id")
                #expect(rows.count == 2 && rows[0] == rows[1])
                #expect(try Row.fetchOne(db, sql: "SELECT text, number, bytes, region, date, flag FROM value WHERE id = 4")?.databaseValues.allSatisfy(\.isNull) == true)
                let read = try DirectStatement(db, sql: "SELECT text, number, bytes, region, date, flag FROM value WHERE id = ?")
                let first = try read.readOne(Int64(1)) { row -> (String, Double, Data, RegionCode, Date, Bool) in
                    (try row[0], try row[1], try row[2], try row[3], try row[4], try row[5])
                }
                #expect(first?.0 == "satu" && first?.1 == 2.5 && first?.2 == bytes && first?.3 == region && first?.4 == date && first?.5 == true)
                let empty = try read.readOne(Int64(4)) { row -> (String?, RegionCode?, Bool?) in (try row[0], try row[3], try row[5]) }
                #expect(empty?.0 == nil && empty?.1 == nil && empty?.2 == nil)
                #expect(try read.readOne(Int64(99)) { row -> String in try row[0] } == nil)
                let ids = try DirectStatement(db, sql: "SELECT id FROM value WHERE id > ? ORDER BY id").readAll(Int64(1)) { row -> Int64 in try row[0] }
                #expect(ids == [2, 3, 4])
            }
        }
    }

    @Test("bind text as GRDB does: empty, short, long, non-ASCII and with a NUL inside")
    func textAsGRDB() async throws {
        try await withValueTable { pool in
            let texts = ["", "a", "desa", String(repeating: "Sumberjambe ", count: 40), "Kecamatan Sumberjambé · 35.09.31", "sebelum\u{0}sesudah"]
            try await pool.write { db in
                for (offset, text) in texts.enumerated() {
                    try DirectStatement(db, sql: "INSERT INTO value (id, region) VALUES (?, ?)").execute(Int64(offset), text)
                    try db.execute(sql: "INSERT INTO value (id, region) VALUES (?, ?)", arguments: [100 + offset, text])
                }
            }
            try await pool.read { db in
                for offset in texts.indices {
                    let pair = try Row.fetchAll(
                        db, sql: "SELECT region, typeof(region), length(CAST(region AS BLOB)) FROM value WHERE id IN (?, ?) ORDER BY id",
                        arguments: [offset, 100 + offset])
                    #expect(pair.count == 2 && pair[0] == pair[1], "text \(offset)")
                    #expect(pair.first?[1] == "text")
                }
            }
        }
    }

    @Test("report SQLite's error as GRDB does, and leave the statement ready for its next use")
    func errors() async throws {
        try await withValueTable { pool in
            try await pool.write { db in
                let insert = try DirectStatement(db, sql: "INSERT INTO value (id, text) VALUES (?, ?)")
                try insert.execute(Int64(1), "sama")
                let error = #expect(throws: DatabaseError.self) { try insert.execute(Int64(2), "sama") }
                #expect(error?.resultCode == .SQLITE_CONSTRAINT)
                #expect(error?.sql?.hasPrefix("INSERT INTO value") == true)
                try insert.execute(Int64(3), "lain")
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM value") == 2)
            }
            try await pool.read { db in
                let error = #expect(throws: DirectRowError.self) {
                    try DirectStatement(db, sql: "SELECT text FROM value WHERE id = ?").readOne(Int64(1)) { row -> RegionCode in try row[0] }
                }
                #expect(error?.description.contains("not a RegionCode") == true)
            }
        }
    }
}
