import EntasTestKit
import EntasDomain
import EntasKafka
import EntasCluster
import EntasService
import EntasStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging

/// A cluster service built for a test: its own SQLite file in a temporary directory, the
/// shared embedded broker, a token, and a second connection to its store for inspection.
struct TestCluster {
    let definition: ClusterDefinition
    let directory: URL
    let database: DatabasePool
    let token: String

    static var logger: Logger { quietLogger("entas.cluster.tests") }

    /// A service of `definition` on a new store, or on a copy of the store file `copying`.
    static func make(_ definition: ClusterDefinition, kafka: EmbeddedKafka, copying store: URL? = nil) async throws -> (TestCluster, some ApplicationProtocol) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entas-cluster-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("\(definition.serviceName).sqlite").path
        if let store {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: store.path, toPath: path)
        }
        let database = try EntasDatabase.openPool(at: path, migrator: ServiceRuntime.migrator(definition.registerMigrations))
        let (token, _) = try await TokenStore(database, service: definition.serviceName).create(name: "tests")
        let configuration = ServiceConfiguration(
            serviceName: definition.serviceName, databasePath: path,
            kafka: KafkaSettings(bootstrapServers: kafka.bootstrapServers, clientID: "entas-\(definition.serviceName)", properties: EmbeddedKafka.recommendedClientProperties),
            logLevel: .critical, httpHost: "127.0.0.1", httpPort: 0)
        let app = try ClusterApplication.build(definition: definition, configuration: configuration, logger: logger)
        return (TestCluster(definition: definition, directory: directory, database: database, token: token), app)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    var authorization: HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }

    func outboxCount() async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outboxMessage") ?? 0 }
    }

    /// Waits until the relay has published everything written so far.
    func waitForOutbox() async throws {
        try await eventually("the outbox of \(definition.serviceName) drains") {
            try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outboxMessage WHERE sentAt IS NULL") ?? 0 } == 0
        }
    }

    /// The short types (`enrolment.started`) of the events this service wrote, oldest first.
    func writtenEventTypes() async throws -> [String] {
        try await database.read { db in
            try String.fetchAll(db, sql: "SELECT json_extract(headers, '$.ce_type') FROM outboxMessage ORDER BY id")
                .map { $0.replacingOccurrences(of: "id.go.jatim.entas.", with: "").replacingOccurrences(of: ".v1", with: "") }
        }
    }

    func count(_ table: String) async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    func replicaCount() async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM householdReplica") ?? 0 }
    }
}

enum Fixture {
    static func json(_ object: Any) -> ByteBuffer {
        ByteBuffer(data: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    /// A typed request body (``HouseholdRegistration/sample(_:desa:criteria:baseline:headName:memberCount:address:)``…).
    static func json(_ value: some Encodable) -> ByteBuffer { ByteBuffer(data: JSONBody.json(value)) }

    static func decode<T: Decodable>(_ type: T.Type, _ buffer: ByteBuffer) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }

    static func object(_ buffer: ByteBuffer) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any]) ?? [:]
    }
}

