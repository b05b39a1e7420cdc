import EntasAPI
import EntasDomain
import EntasTestKit
import Foundation
import GRDB
import Testing

@testable import Coordinator

extension CoordinatorStoreFixtureTests {
    @Test("people stored by household number: an earlier store's people kept, shared persons still found, new ones appended")
    func peopleByHouseholdNumber() async throws {
        // The release before: the fixture migrated up to coordinator-v9, with people as that release stored them, keyed
        // by household key: two households sharing a person, and a key no household or history row knows yet.
        let (queue, copy) = try Self.fixtureCopy(migratedUpTo: "coordinator-v9-checks-without-in-lists")
        defer { try? FileManager.default.removeItem(at: copy) }
        let unknownKey = String(repeating: "f", count: 64)
        let person = (1...4).map { String(repeating: "\($0)", count: 64) }
        let (first, second) = try await queue.write { db in
            let keys = try String.fetchAll(db, sql: "SELECT key FROM household ORDER BY key LIMIT 2")
            let rows: [(String, String, String)] = [
                (keys[0], "head", person[0]), (keys[0], "member", person[0]), (keys[0], "member", person[1]),
                (keys[1], "head", person[2]), (keys[1], "member", person[1]), (unknownKey, "member", person[3]),
            ]
            for (key, kind, personKey) in rows {
                try db.execute(
                    sql: """
                        INSERT INTO householdPerson (householdKey, kind, personKey, eventTime, eventId, cluster)
                        VALUES (?, ?, ?, '2027-01-05T01:00:00.000Z', ?, 'socialAid')
                        """,
                    arguments: [key, kind, personKey, UUID().uuidString.lowercased()])
            }
            return (try HouseholdKey(keys[0]), try HouseholdKey(keys[1]))
        }
        let people = "SELECT * FROM householdPerson ORDER BY householdKey, kind, personKey"
        let before = try await queue.read { db in try Row.fetchAll(db, sql: people) }
        let numbersBefore = try await queue.read { db in try Int.fetchOne(db, sql: "SELECT max(number) FROM householdNumber") ?? 0 }
        try queue.close()

        try await TestCoordinator.with(store: copy) { coordinator in
            // The same rows, through the view of the table keyed by number; the unknown key numbered next.
            #expect(try await coordinator.pool.read { db in try Row.fetchAll(db, sql: people) } == before)
            try await coordinator.pool.read { db in
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personByHousehold") == 6)
                #expect(try Int.fetchOne(db, sql: "SELECT number FROM householdNumber WHERE key = ?", arguments: [unknownKey]) == numbersBefore + 1)
                #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
                let numbers = (first: try HouseholdNumber.of(first, db).number, second: try HouseholdNumber.of(second, db).number)
                #expect(Array(try HouseholdPeople.sharing(of: numbers.first, db).keys) == [second])
                #expect(try HouseholdPeople.sharers(of: numbers.second, db) == [first])
                // The pair is counted in the household of the smaller key: keys are compared, not numbers.
                #expect(try HouseholdPeople.isCountedElsewhere(second, number: numbers.second, db))
                #expect(try !HouseholdPeople.isCountedElsewhere(first, number: numbers.first, db))
            }
            // Two new households naming the same head: each gets the next number, its people written under it, and
            // both open a sharedPerson case; the one of the larger key is counted in the other.
            var script = EventScript()
            let mother = try TestHousehold(9101, in: "35.09.31.2006")
            let other = try TestHousehold(9102, in: "35.09.31.2007")
            try script.register(mother)
            script.add(
                HouseholdRegistered(
                    kkNumber: other.kk, headNIK: mother.nik, headName: mother.headName, address: "Dusun Krajan RT 001 RW 001",
                    desaCode: other.desa, memberCount: 2, criteriaMet: Array(PovertyCriterion.allCases.prefix(9)),
                    baselineStatus: nil, registeredBy: .enterprise),
                by: .enterprise)
            let readModel = CoordinatorReadModel(secret: testSecret)
            let events = script.events
            try await coordinator.pool.write { db in try readModel.apply(events, db) }
            let keys = [readModel.key(for: mother.kk), readModel.key(for: other.kk)].sorted()
            try await coordinator.pool.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT h.number, h.caseKind, h.isDuplicate, (SELECT count(*) FROM personByHousehold p WHERE p.household = h.number)
                        FROM household h WHERE h.key IN (?, ?) ORDER BY h.key
                        """,
                    arguments: [keys[0], keys[1]])
                #expect(rows.map { $0[0] as Int64 }.allSatisfy { $0 > numbersBefore + 1 })
                #expect(rows.map { $0[1] as String? } == ["sharedPerson", "sharedPerson"])
                #expect(rows.map { $0[2] as Int } == [0, 1])
                #expect(rows.map { $0[3] as Int } == [1, 1])
                #expect(try CoordinatorReadModel.stored(db) == CoordinatorReadModel.recount(db))
            }
        }
    }
}
