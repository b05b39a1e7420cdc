import EntasTestKit
import EntasDomain
import EntasKafka
import EntasService
import EntasStore
import Foundation
import GRDB
import Hummingbird

@testable import Coordinator

/// A coordinator for one test: a fresh embedded broker with every Entas topic, a store in a temporary
/// folder (new, or a copy of a fixture), its configuration and tokens; ``application()`` builds the service.
struct TestCoordinator: Sendable {
    let kafka: EmbeddedKafka
    let directory: TemporaryFolder
    let configuration: ServiceConfiguration
    /// The store, migrated.
    let pool: DatabasePool
    let tokens: TokenStore

    var path: String { configuration.databasePath }

    /// Runs `body` with a new coordinator (`partitions` per topic; the store copied from `fixture` when
    /// given), then stops the broker and removes the folder.
    static func with<Value>(
        partitions: Int = 2, store fixture: URL? = nil, _ body: (TestCoordinator) async throws -> Value
    ) async throws -> Value {
        let kafka = try EmbeddedKafka(logger: CoordinatorServiceTests.logger)
        defer { kafka.stop() }
        for topic in EntasTopic.allCases { try kafka.createTopic(topic.rawValue, partitions: partitions) }
        let directory = try TemporaryFolder("CoordinatorTests")
        defer { directory.remove() }
        let path = directory.path("coordinator.sqlite")
        if let fixture { try FileManager.default.copyItem(atPath: fixture.path, toPath: path) }
        let configuration = ServiceConfiguration(
            serviceName: "coordinator", databasePath: path,
            kafka: KafkaSettings(bootstrapServers: kafka.bootstrapServers, clientID: "entas-coordinator", properties: EmbeddedKafka.recommendedClientProperties),
            logLevel: .critical, httpPort: 0)
        let pool = try EntasDatabase.openPool(at: path, migrator: ServiceRuntime.migrator(CoordinatorApplication.registerMigrations))
        let coordinator = TestCoordinator(
            kafka: kafka, directory: directory, configuration: configuration, pool: pool, tokens: TokenStore(pool, service: "coordinator"))
        return try await body(coordinator)
    }

    /// A new token: `bappeda` reads; `bappeda-planning` with `.admin` sets targets.
    func token(_ name: String = "bappeda", role: TokenRole = .write) async throws -> String {
        try await tokens.create(name: name, role: role).0
    }

    /// The coordinator service on this store and broker.
    func application() throws -> some ApplicationProtocol {
        try CoordinatorApplication.build(configuration: configuration, secret: testSecret, logger: CoordinatorServiceTests.logger)
    }
}
