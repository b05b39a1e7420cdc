import EntasAPI
import EntasDomain
import EntasTestKit
import Foundation
import GRDB
import Testing

@testable import Coordinator

extension CoordinatorStoreFixtureTests {
    @Test("the household table keyed by number keeps every row and index, and a household is still found by its key")
    func householdByNumber() async throws {
        let (queue, copy) = try Self.fixtureCopy(migratedUpTo: "coordinator-v10-people-by-household-number")
        defer { try? FileManager.default.removeItem(at: copy) }
        let rows = "SELECT * FROM household ORDER BY key"
        let indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'household' AND sql IS NOT NULL ORDER BY name"
        let before = try await queue.read { db in (try Row.fetchAll(db, sql: rows), try Row.fetchAll(db, sql: indexes)) }
        try queue.close()
        #expect(before.0.count == 13)

        try await TestCoordinator.with(store: copy) { coordinator in
            let after = try await coordinator.pool.read { db in (try Row.fetchAll(db, sql: rows), try Row.fetchAll(db, sql: indexes)) }
            #expect(after.0 == before.0)
            // The same indexes but the number's, which the primary key is now; no index of the key alone.
            #expect(after.1 == before.1.filter { $0["name"] as String != "household_number" })
            try await coordinator.pool.read { db in
                let primaryKey = try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info('household') WHERE pk > 0")
                #expect(primaryKey.map { $0["name"] as String } == ["number"] && primaryKey.map { $0["type"] as String } == ["INTEGER"])
                let keyIndexes = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM pragma_index_list('household') l WHERE (SELECT group_concat(name) FROM pragma_index_info(l.name)) = 'key'")
                #expect(keyIndexes == 0)
                #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
                #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
                // Found by key through householdNumber: the row, by number.
                let key = try #require(try HouseholdKey.fetchOne(db, sql: "SELECT key FROM household ORDER BY key LIMIT 1"))
                let found = try #require(try Household.find(key, db))
                #expect(found.household.key == key)
                #expect(found.number == (try Int64.fetchOne(db, sql: "SELECT number FROM householdNumber WHERE key = ?", arguments: [key])))
                #expect(try Household.filter(keys: [key]).fetchOne(db) == found.household)
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM household WHERE number = 1").map { $0["detail"] as String }
                #expect(plan.contains { $0.contains("INTEGER PRIMARY KEY") }, "\(plan)")
            }
            // The household's detail, as the API gives it, from the migrated store.
            let key = try await coordinator.pool.read { db in try #require(try HouseholdKey.fetchOne(db, sql: "SELECT key FROM household ORDER BY key LIMIT 1")) }
            let detail = try await CoordinatorQueries(coordinator.pool).household(key: key)
            #expect(detail?.maskedKK == (try await coordinator.pool.read { db in try String.fetchOne(db, sql: "SELECT maskedKK FROM household WHERE key = ?", arguments: [key]) }))
        }
    }
}
