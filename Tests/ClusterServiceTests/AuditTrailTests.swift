import EntasCluster
import EntasDomain
import EntasKafka
import EntasService
import EntasStore
import EntasTestKit
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SocialAid

@Suite("The audit trail of a cluster service", .timeLimit(.minutes(2)), .english)
struct AuditTrailTests {
    @Test("writes and reads that name people are recorded (operator, route, region, households), others are not; only an admin reads the trail; SQL cannot change or delete it; a backup keeps it")
    func trail() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        let (admin, _) = try await TokenStore(cluster.database, service: "social-aid").create(name: "dinsos-admin", role: .admin)
        let adminHeaders: HTTPFields = [.authorization: "Bearer \(admin)"]
        try await app.test(.live) { client in
            let household = try HouseholdRegistration.sample(3)
            try await client.execute(uri: "/v1/households", method: .post, headers: cluster.authorization, body: Fixture.json(household)) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/v1/households/\(household.kkNumber.rawValue)", method: .get, headers: cluster.authorization) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/households?region=35.09.31", method: .get, headers: cluster.authorization) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/programmes", method: .get, headers: cluster.authorization) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/audit", method: .get, headers: cluster.authorization) { response in
                #expect(response.status == .forbidden)
                #expect(Fixture.object(response.body)["code"] as? String == "admin-required")
            }
            try await client.execute(uri: "/v1/audit?operator=tests", method: .get, headers: adminHeaders) { response in
                #expect(response.status == .ok)
                let entries = Fixture.object(response.body)["entries"] as? [[String: Any]] ?? []
                #expect(entries.map { "\($0["kind"] ?? "") \($0["method"] ?? "") \($0["route"] ?? "") \($0["region"] ?? "-") \($0["households"] ?? "-")" } == [
                    "read GET /v1/households 35.09.31 1",
                    "read GET /v1/households/{kk} \(household.desaCode.dotted) 1",
                    "write POST /v1/households \(household.desaCode.dotted) 1",
                ])
                #expect(entries.allSatisfy { $0["operatorName"] as? String == "tests" && $0["status"] as? Int != nil })
                #expect(!String(decoding: Data(buffer: response.body), as: UTF8.self).contains(household.kkNumber.rawValue), "no KK in the trail")
            }
            try await client.execute(uri: "/v1/audit?region=35.07&from=2020-01-01", method: .get, headers: adminHeaders) { response in
                #expect(Fixture.object(response.body)["total"] as? Int == 0)
            }
            try await client.execute(uri: "/v1/audit?from=yesterday", method: .get, headers: adminHeaders) { response in
                #expect(response.status == .unprocessableContent && Fixture.object(response.body)["field"] as? String == "from")
            }
        }
        // Append-only: SQL refuses to change or delete an entry.
        for sql in ["UPDATE auditEntry SET operatorName = 'someone else'", "DELETE FROM auditEntry"] {
            await #expect(throws: DatabaseError.self, "\(sql)") { try await cluster.database.write { db in try db.execute(sql: sql) } }
        }
        let count = try await cluster.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM auditEntry") }
        #expect(count == 3)
        // A backup keeps the trail.
        let copy = cluster.directory.appendingPathComponent("backup.sqlite").path
        _ = try EntasBackup.copy(from: cluster.directory.appendingPathComponent("social-aid.sqlite").path, to: copy)
        let copied = try await DatabaseQueue(path: copy).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM auditEntry") }
        #expect(copied == 3)
    }
}

@Suite("Token roles at a cluster service", .timeLimit(.minutes(2)), .english)
struct TokenRoleTests {
    @Test("a read token reads but every write answers 403 read-only-token and changes nothing; a write token writes")
    func readRole() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        let (reader, record) = try await TokenStore(cluster.database, service: "social-aid").create(name: "analis-bappeda", role: .read)
        #expect(record.role == .read)
        let readHeaders: HTTPFields = [.authorization: "Bearer \(reader)", .contentType: "application/json"]
        try await app.test(.live) { client in
            let household = try HouseholdRegistration.sample(4)
            try await client.execute(uri: "/v1/households", method: .post, headers: readHeaders, body: Fixture.json(household)) { response in
                #expect(response.status == .forbidden)
                #expect(Fixture.object(response.body)["code"] as? String == "read-only-token")
            }
            try await client.execute(uri: "/v1/households", method: .get, headers: readHeaders) { response in
                #expect(response.status == .ok)
                #expect(Fixture.object(response.body)["total"] as? Int == 0, "the refused write changed nothing")
            }
            try await client.execute(uri: "/v1/households", method: .post, headers: cluster.authorization, body: Fixture.json(household)) { response in
                #expect(response.status == .created, "the default role writes")
            }
        }
        #expect(try await cluster.outboxCount() == 1)
    }

    @Test("a token issued before roles (standard) is a province-wide write token after the migrations")
    func migratedStandardToken() async throws {
        let directory = try TemporaryFolder("roles")
        defer { directory.remove() }
        let path = directory.path("old.sqlite")
        var before = DatabaseMigrator()
        ServiceToken.registerMigration(&before)
        let queue = try DatabaseQueue(path: path)
        try before.migrate(queue, upTo: "v2-service-token-role")
        try await queue.write { db in
            try db.execute(
                sql: "INSERT INTO serviceToken (id, name, service, tokenHash, createdAt, role) VALUES (?, 'dinsos-lama', 'social-aid', 'abc', ?, 'standard')",
                arguments: [UUID().uuidString, Date()])
        }
        try queue.close()
        let pool = try EntasDatabase.openPool(at: path, migrator: ServiceRuntime.migrator { _ in })
        let tokens = try await TokenStore(pool, service: "social-aid").list()
        #expect(tokens.map(\.role) == [.write])
        #expect(tokens.map(\.region) == [.eastJava], "a token issued before regions reads the whole province")
        try pool.close()
    }
}
