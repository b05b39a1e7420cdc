import EntasTestKit
import EntasDomain
import EntasService
import EntasStore
import HummingbirdTesting
import Testing

@testable import Coordinator

/// A coordinator on loopback for the CLI's live tests, on a fresh store and a fresh embedded broker,
/// with a read token (`bappeda`) and an admin token (`bappeda-planning`, for `entas target set`).
struct LiveCoordinator: Sendable {
    let url: String
    let readToken: String
    let adminToken: String

    /// `--coordinator` and `--token` (the read token) for a read command.
    var flags: [String] { ["--coordinator", url, "--token", readToken] }

    /// Publishes `events` to a new broker, starts a coordinator on it and runs `body` against it.
    static func with(publishing events: [EventEnvelope], _ body: @Sendable (LiveCoordinator) async throws -> Void) async throws {
        let kafka = try Live.kafka()
        defer { kafka.stop() }
        let folder = try TemporaryFolder("CLITests")
        defer { folder.remove() }
        let path = folder.path("coordinator.sqlite")
        let configuration = ServiceConfiguration(
            serviceName: "coordinator", databasePath: path, kafka: Live.kafkaSettings(kafka, clientID: "entas-coordinator"),
            logLevel: .critical, httpPort: 0)
        let tokens = TokenStore(
            try EntasDatabase.openPool(at: path, migrator: ServiceRuntime.migrator(CoordinatorApplication.registerMigrations)),
            service: "coordinator")
        let (readToken, _) = try await tokens.create(name: "bappeda")
        let (adminToken, _) = try await tokens.create(name: "bappeda-planning", role: .admin)
        try await Live.publish(events, to: kafka)
        let app = try CoordinatorApplication.build(configuration: configuration, secret: try Live.secret(), logger: Live.logger)
        try await app.test(.live) { client in
            let url = "http://127.0.0.1:\(try #require(client.port))"
            try await body(LiveCoordinator(url: url, readToken: readToken, adminToken: adminToken))
        }
    }
}
