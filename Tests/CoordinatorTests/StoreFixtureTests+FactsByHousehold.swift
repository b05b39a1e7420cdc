import EntasAPI
import EntasDomain
import EntasTestKit
import Foundation
import GRDB
import Testing

@testable import Coordinator

extension CoordinatorStoreFixtureTests {
    @Test("enrolments and deliveries keyed by household keep every row, each id once, and a correction replaces its row")
    func enrolmentsAndDeliveriesByHousehold() async throws {
        let (queue, copy) = try Self.fixtureCopy(migratedUpTo: "coordinator-v11-household-by-number")
        defer { try? FileManager.default.removeItem(at: copy) }
        let tables = ["enrolmentByHousehold": "enrolmentID", "deliveryByHousehold": "deliveryID"]
        let desaIndexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE '%\\_desa' ESCAPE '\\' AND tbl_name IN ('enrolmentByHousehold', 'deliveryByHousehold') ORDER BY name"
        let before = try await queue.read { db in try Self.enrolmentAndDeliveryRows(db) }
        let indexesBefore = try await queue.read { db in try Row.fetchAll(db, sql: desaIndexes) }
        try queue.close()
        #expect(before.0.count > 0 && before.1.count > 0, "the fixture has enrolments and deliveries")
        #expect(indexesBefore.count == 2)

        try await TestCoordinator.with(store: copy) { coordinator in
            let after = try await coordinator.pool.read { db in try Self.enrolmentAndDeliveryRows(db) }
            #expect(after.0 == before.0)
            #expect(after.1 == before.1)
            let indexesAfter = try await coordinator.pool.read { db in try Row.fetchAll(db, sql: desaIndexes) }
            #expect(indexesAfter == indexesBefore)
            try await coordinator.pool.read { db in
                for (table, id) in tables {
                    let definition = try #require(
                        try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table]))
                    #expect(definition.hasSuffix("WITHOUT ROWID"), "\(definition)")
                    let key = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", arguments: [table])
                    #expect(key == ["household", id])
                    // The id's unique index, the desa index; no household index (the key leads with the household).
                    let indexes = try Row.fetchAll(db, sql: "SELECT name, \"unique\" FROM pragma_index_list(?) WHERE origin = 'c' ORDER BY name", arguments: [table])
                    #expect(indexes.map { $0["name"] as String } == ["\(table)_desa", "\(table)_id"])
                    #expect(indexes.map { $0["unique"] as Bool } == [false, true])
                    let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM \(table) WHERE household = 1").map { $0["detail"] as String }
                    #expect(plan.contains { $0.contains("PRIMARY KEY") }, "\(plan)")
                }
                #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
                #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            }

            // A household's enrolments as the read model reads them; a correction under the same id replaces the row;
            // an id another household's row holds is not taken.
            try await coordinator.pool.write { db in
                let stored = try #require(try Row.fetchOne(db, sql: "SELECT household, enrolmentID FROM enrolmentByHousehold LIMIT 1"))
                let number: Int64 = stored["household"]
                let key = try #require(try HouseholdKey.fetchOne(db, sql: "SELECT key FROM householdNumber WHERE number = ?", arguments: [number]))
                let enrolments = try Enrolment.all(for: number, key: key, db)
                #expect(
                    Set(enrolments.map(\.enrolmentID))
                        == Set(try String.fetchAll(db, sql: "SELECT enrolmentID FROM enrolment WHERE householdKey = ?", arguments: [key])))
                var corrected = try #require(enrolments.first { $0.enrolmentID == stored["enrolmentID"] as String })
                corrected.endedOn = try CalendarDate(year: 2030, month: 1, day: 31)
                try corrected.write(number: number, db)
                #expect(try Enrolment.all(for: number, key: key, db).first { $0.enrolmentID == corrected.enrolmentID } == corrected)
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM enrolmentByHousehold WHERE enrolmentID = ?", arguments: [corrected.enrolmentID]) == 1)
                let other = try #require(try Int64.fetchOne(db, sql: "SELECT number FROM household WHERE number <> ? LIMIT 1", arguments: [number]))
                #expect(try corrected.insertIfNew(number: other, db) == false)
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM enrolmentByHousehold WHERE enrolmentID = ?", arguments: [corrected.enrolmentID]) == 1)
            }
        }
    }

    /// Every enrolment and delivery, through the views the API reads, in id order.
    static func enrolmentAndDeliveryRows(_ db: Database) throws -> ([Row], [Row]) {
        (
            try Row.fetchAll(db, sql: "SELECT * FROM enrolment ORDER BY enrolmentID"),
            try Row.fetchAll(db, sql: "SELECT * FROM delivery ORDER BY deliveryID")
        )
    }
}
