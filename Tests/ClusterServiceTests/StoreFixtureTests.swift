import EntasDomain
import EntasKafka
import EntasCluster
import EntasService
import Foundation
import GRDB
import HummingbirdTesting
import Testing

@testable import CommunityEmpowerment
@testable import Enterprise
@testable import LowCostPrograms
@testable import SocialAid
import EntasTestKit

/// Agency data is real: a store written by an earlier release must open and serve after every
/// change. Each fixture under `Tests/Fixtures/Stores` was written by the services of main as it
/// stood before the "House in order" restructuring (the records tests' own stores, copied with
/// `VACUUM INTO`); the service opens a copy, runs whatever migrations came since, and answers
/// from the data already there.
@Suite("Stores written by an earlier release", .english)
struct StoreFixtureTests {
    /// A fixture, the routes to read and what each must hold (the JSON array's length, or a `total`).
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var definition: ClusterDefinition
        var households: Int
        /// Route → (array key, count).
        var lists: [String: (key: String, count: Int)]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "social-aid", definition: SocialAidCommand.definition, households: 13, lists: ["/v1/commitments": ("commitments", 2)]),
        Case(file: "social-aid-shocks", definition: SocialAidCommand.definition, households: 1, lists: ["/v1/shocks": ("shocks", 2)]),
        Case(file: "empowerment", definition: EmpowermentCommand.definition, households: 13, lists: ["/v1/commitments": ("commitments", 2)]),
        Case(file: "empowerment-groups", definition: EmpowermentCommand.definition, households: 2, lists: ["/v1/groups": ("items", 2)]),
        Case(file: "empowerment-projects", definition: EmpowermentCommand.definition, households: 2, lists: ["/v1/projects": ("items", 1)]),
        Case(file: "low-cost", definition: LowCostCommand.definition, households: 1, lists: ["/v1/works": ("works", 1)]),
        Case(file: "umkm", definition: EnterpriseCommand.definition, households: 2, lists: ["/v1/trainings": ("trainings", 1), "/v1/cooperatives": ("items", 1)]),
        Case(file: "umkm-loans", definition: EnterpriseCommand.definition, households: 1, lists: ["/v1/loans": ("loans", 1), "/v1/enterprises": ("enterprises", 1)]),
    ]

    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/Stores")
    }

    @Test("the service opens the old store, migrates it and serves its data", arguments: cases)
    func opensAndServes(_ fixture: Case) async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let store = Self.fixtures.appendingPathComponent("\(fixture.file).sqlite")
        let (cluster, app) = try await TestCluster.make(fixture.definition, kafka: kafka, copying: store)
        defer { cluster.remove() }
        try await app.test(.live) { client in
            let api = RecordsClient(client: client, cluster: cluster)
            let page = try await api.send(.get, "/v1/households?limit=1000", expect: .ok)
            #expect(page["total"] as? Int == fixture.households, "\(fixture.file): \(page)")
            let households = page["households"] as? [[String: Any]] ?? []
            for household in households {
                let kk = try #require(household["kkNumber"] as? String)
                try await api.send(.get, "/v1/households/\(kk)", expect: .ok)
            }
            for (route, expected) in fixture.lists {
                let answer = try await api.send(.get, route, expect: .ok)
                #expect((answer[expected.key] as? [Any])?.count == expected.count, "\(fixture.file) \(route): \(answer)")
            }
        }
        let integrity = try await cluster.database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
    }

    /// `<table>-v2-kind-check`: SQLite itself refuses a collective of a kind its service does not
    /// know, on a store migrated from the earlier release, and kept every row it had.
    @Test(
        "a collective's kind is checked by SQLite after the migration, and no row is lost",
        arguments: [
            ("empowerment-groups", "communityGroup", 2), ("empowerment-projects", "villageProject", 1), ("umkm", "cooperative", 1),
        ])
    func collectiveKindIsChecked(_ file: String, _ table: String, _ rows: Int) async throws {
        let fixture = try #require(Self.cases.first { $0.file == file })
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, _) = try await TestCluster.make(fixture.definition, kafka: kafka, copying: Self.fixtures.appendingPathComponent("\(file).sqlite"))
        defer { cluster.remove() }
        #expect(try await cluster.count(table) == rows)
        await #expect(throws: DatabaseError.self) {
            try await cluster.database.write { db in
                try db.execute(
                    sql: "INSERT INTO \(table) (id, kind, name, desaCode, startedOn) VALUES ('x', 'unknownKind', 'n', '35.09.31.2006', '2026-01-01')")
            }
        }
        let foreignKeys = try cluster.database.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        #expect(foreignKeys.isEmpty)
    }
}
