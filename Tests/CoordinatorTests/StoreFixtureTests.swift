import EntasTestKit
import EntasAPI
import EntasDomain
import EntasKafka
import EntasService
import EntasStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Coordinator

/// A coordinator store written by main before the "House in order" restructuring (the
/// programme-cycle scenario's store, copied with `VACUUM INTO`) opens, migrates and serves:
/// the read model is agency data too, and a rebuild from Kafka is the last resort.
@Suite("A coordinator store written by an earlier release", .timeLimit(.minutes(2)), .english)
struct CoordinatorStoreFixtureTests {
    static var fixture: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Stores/coordinator.sqlite")
    }

    @Test("the overview, commitments, plan, evaluation and household lists answer from the old store")
    func opensAndServes() async throws {
        try await TestCoordinator.with(store: Self.fixture) { coordinator in
            let headers: HTTPFields = [.authorization: "Bearer \(try await coordinator.token())"]
            let app = try coordinator.application()
            try await app.test(.live) { client in
                func get(_ uri: String) async throws -> [String: Any] {
                    try await client.execute(uri: uri, method: .get, headers: headers) { response in
                        #expect(response.status == .ok, "GET \(uri): \(String(buffer: response.body))")
                        return Fixture.object(response.body)
                    }
                }
                let overview = try await get("/v1/overview?region=35&depth=3")
                let totals = (overview["region"] as? [String: Any])?["totals"] as? [String: Any]
                #expect(totals?["households"] as? Int == 13)
                #expect(totals?["sangatMiskin"] as? Int == 7)
                #expect(totals?["coveredAny"] as? Int == 6)
                #expect((overview["regions"] as? [Any])?.count == 3)
                let commitments = try await get("/v1/commitments?region=35.09&period=2027")
                #expect((commitments["commitments"] as? [Any])?.count == 4, "\(commitments)")
                _ = try await get("/v1/plan?region=35.09&period=2027")
                _ = try await get("/v1/evaluation?region=35.09&period=2027")
                _ = try await get("/v1/gaps?region=35")
                _ = try await get("/v1/progress?region=35.09.31")
                _ = try await get("/v1/targets?region=35.09.31")
            }
            let integrity = try await coordinator.pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            #expect(integrity == ["ok"])
        }
    }

    /// A copy of the fixture in a temporary file, migrated up to `migration` (a release before the current one),
    /// and the copy's path, for the caller to remove.
    static func fixtureCopy(migratedUpTo migration: String) throws -> (DatabaseQueue, URL) {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("entas-fixture-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(at: fixture, to: copy)
        let queue = try DatabaseQueue(path: copy.path)
        try ServiceRuntime.migrator(CoordinatorApplication.registerMigrations).migrate(queue, upTo: migration)
        return (queue, copy)
    }

    /// The columns of each fact table as the earlier release stored them, read in a stable order.
    static let factQueries = [
        "SELECT eventId, householdKey, ceType, cluster, effectiveDate, eventTime, status, summary, detail FROM householdEvent ORDER BY eventId",
        "SELECT householdKey, cluster, status, criteriaMetCount, source, assessedOn, eventTime, eventId FROM clusterAssessment ORDER BY householdKey, cluster",
        "SELECT enrolmentID, householdKey, cluster, programme, strategy, desaCode, startedOn, endedOn, memberKey FROM enrolment ORDER BY enrolmentID",
        "SELECT referralID, householdKey, fromCluster, toCluster, reason, madeOn, outcome, note, answeredOn FROM referral ORDER BY referralID",
        "SELECT deliveryID, enrolmentID, householdKey, cluster, programme, strategy, desaCode, amountRupiah, inKindQuantity, inKindUnit, period, deliveredOn FROM delivery ORDER BY deliveryID",
    ]

    @Test("numbering the households keeps every fact row, the region tables equal a recount, and a new household takes the next number")
    func householdNumbersKeepTheFacts() async throws {
        // The fixture's rows as the release before the numbers stored them: a copy migrated up to it.
        let (queue, copy) = try Self.fixtureCopy(migratedUpTo: "coordinator-v6-household-people")
        defer { try? FileManager.default.removeItem(at: copy) }
        let before = try queue.read { db in try Self.factQueries.map { try Row.fetchAll(db, sql: $0) } }
        try queue.close()
        #expect(before[0].count > 0 && before[2].count > 0, "the fixture has history and enrolments")
        try await TestCoordinator.with(store: Self.fixture) { coordinator in
            let after = try await coordinator.pool.read { db in try Self.factQueries.map { try Row.fetchAll(db, sql: $0) } }
            #expect(after == before)
            // Every household kept, under the number its key was given.
            let numbered = try await coordinator.pool.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM household h JOIN householdNumber n ON n.number = h.number AND n.key = h.key"),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM household")
                )
            }
            #expect(numbered.0 == 13 && numbered.1 == 13)
            // Stored household rows agree with their facts read by number, and the region tables with a recount.
            let checks = try await coordinator.pool.read { db in
                (try CoordinatorReadModel.staleHouseholds(db), try CoordinatorReadModel.stored(db) == CoordinatorReadModel.recount(db))
            }
            #expect(checks.0.isEmpty)
            #expect(checks.1)
            // A new household takes the next number and its facts go through the views like the old ones.
            var script = EventScript()
            let household = try TestHousehold(9001, in: "35.09.31.2006")
            try script.register(household)
            try script.assess(household, .miskin, by: .enterprise, on: "2027-01-06")
            let readModel = CoordinatorReadModel(secret: testSecret)
            let events = script.events
            try await coordinator.pool.write { db in try readModel.apply(events, db) }
            let key = readModel.key(for: household.kk)
            let stored = try await coordinator.pool.read { db in
                (
                    try Int64.fetchOne(db, sql: "SELECT number FROM household WHERE key = ?", arguments: [key]),
                    try Int64.fetchOne(db, sql: "SELECT max(number) FROM householdNumber"),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM householdEvent WHERE householdKey = ?", arguments: [key]),
                    try String.fetchOne(db, sql: "SELECT status FROM clusterAssessment WHERE householdKey = ?", arguments: [key]),
                    try CoordinatorReadModel.stored(db) == CoordinatorReadModel.recount(db)
                )
            }
            #expect(stored.0 != nil && stored.0 == stored.1)
            #expect(stored.2 == 2)
            #expect(stored.3 == "miskin")
            #expect(stored.4)
            // Applied again outside the inbox, the events are found in the history by household and id (the
            // event-id index is gone since coordinator-v8) and change nothing.
            try await coordinator.pool.write { db in try readModel.apply(events, db) }
            let again = try await coordinator.pool.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM householdEvent WHERE householdKey = ?", arguments: [key]),
                    try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE name = 'historyByHousehold_event'"),
                    try CoordinatorReadModel.stored(db) == CoordinatorReadModel.recount(db)
                )
            }
            #expect(again.0 == 2 && again.1 == false && again.2)
        }
    }

    @Test("the checks rewritten without IN lists keep every row, refuse what they refused, and no insert builds a temporary B-tree")
    func checksWithoutInLists() async throws {
        // The fixture migrated up to the release before the rewrite, to compare its rows and schema with after.
        let (queue, copy) = try Self.fixtureCopy(migratedUpTo: "coordinator-v8-history-without-event-index")
        defer { try? FileManager.default.removeItem(at: copy) }
        // The tables whose definitions change, read whole (the same B-trees, so in the same order).
        let edited = [
            "household", "historyByHousehold", "assessmentByHousehold", "enrolmentByHousehold", "deliveryByHousehold",
            "referralByHousehold", "householdPerson", "regionMonth", "regionStrategy", "commitment",
        ]
        // householdPerson is a view since coordinator-v10, of rows in another order: read in the key's order.
        let contents = { (db: Database) throws -> [[Row]] in
            try edited.map { try Row.fetchAll(db, sql: "SELECT * FROM \($0)" + ($0 == "householdPerson" ? " ORDER BY householdKey, kind, personKey" : "")) }
        }
        let before = try await queue.read(contents)
        let inLists = try await queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND sql LIKE '% IN (''socialAid''%'")
        }
        #expect((inLists ?? 0) >= 8, "the earlier release's tables test clusters with IN lists")
        try queue.close()

        try await TestCoordinator.with(store: Self.fixture) { coordinator in
            #expect(try await coordinator.pool.read(contents) == before)
            try await coordinator.pool.read { db in
                #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
                // Only the service tokens' roles, a table no event writes, keep a list of three.
                let definitions = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL ORDER BY name")
                let listed = definitions.filter { ($0["sql"] as String).contains(/\w+ IN \(('[^']*', ){2,}'[^']*'\)/) }.map { $0["name"] as String }
                #expect(listed == ["serviceToken"])
                let insert = """
                    INSERT INTO historyByHousehold (eventId, household, ceType, cluster, effectiveDate, eventTime, status, summary, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
                let program = try Row.fetchAll(db, sql: "EXPLAIN " + insert, arguments: StatementArguments(Array(repeating: nil as String?, count: 9)))
                #expect(!program.contains { ($0["opcode"] as String?) == "OpenEphemeral" })
            }
            // The rewritten checks refuse what the lists refused, and let NULL through where it was let through.
            try await coordinator.pool.write { db in
                let number = try #require(try Int64.fetchOne(db, sql: "SELECT min(number) FROM household"))
                let insert = """
                    INSERT INTO historyByHousehold (eventId, household, ceType, cluster, effectiveDate, eventTime, status, summary, detail)
                    VALUES (?, ?, 'id.go.jatim.entas.household.assessed.v1', ?, '2027-01-06', '2027-01-06T01:00:00.000Z', ?, 's', NULL)
                    """
                func attempt(_ cluster: String, _ status: String?) throws {
                    try db.execute(sql: insert, arguments: [UUID().uuidString.lowercased(), number, cluster, status])
                }
                try attempt("enterprise", "miskin")
                try attempt("lowCost", nil)
                for (cluster, status) in [("enterprises", "miskin"), ("", "miskin"), ("socialAid", "Miskin"), ("socialAid", "poor")] {
                    let error = #expect(throws: DatabaseError.self) { try attempt(cluster, status) }
                    #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK, "\(cluster) \(status ?? "nil")")
                }
                let household = #expect(throws: DatabaseError.self) {
                    try db.execute(sql: "UPDATE household SET consensusStatus = 'tidakJelas' WHERE number = ?", arguments: [number])
                }
                #expect(household?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
                let strategy = #expect(throws: DatabaseError.self) {
                    try db.execute(sql: "UPDATE enrolmentByHousehold SET strategy = 'charity' WHERE strategy IS NOT NULL")
                }
                #expect(strategy?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
            }
        }
    }
}
