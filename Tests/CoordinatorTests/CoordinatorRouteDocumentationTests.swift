import EntasTestKit
import EntasDomain
import EntasKafka
import EntasService
import EntasStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Coordinator

/// One declaration per route, at the coordinator: every route it answers (read API, dashboard,
/// operations) is in `/openapi.json` with a summary and in docs/coordinator.md or operations.md.
@Suite("Every coordinator route is declared and documented", .timeLimit(.minutes(2)), .english)
struct CoordinatorRouteDocumentationTests {
    @Test("each route is in /openapi.json with a summary and in the docs' route tables")
    func documented() async throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs")
        let documentation = try ["coordinator.md", "operations.md"]
            .map { try String(contentsOf: docs.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        let kafka = try EmbeddedKafka(logger: CoordinatorServiceTests.logger)
        defer { kafka.stop() }
        let directory = try TemporaryFolder("CoordinatorTests")
        defer { directory.remove() }
        let configuration = ServiceConfiguration(
            serviceName: "coordinator", databasePath: directory.path("coordinator.sqlite"),
            kafka: KafkaSettings(bootstrapServers: kafka.bootstrapServers, clientID: "entas-coordinator", properties: EmbeddedKafka.recommendedClientProperties),
            logLevel: .critical, httpPort: 0)
        let app = try CoordinatorApplication.build(configuration: configuration, secret: testSecret, logger: CoordinatorServiceTests.logger)
        try await app.test(.live) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                let paths = Fixture.object(response.body)["paths"] as? [String: [String: Any]] ?? [:]
                #expect(paths.count > 15)
                for (path, operations) in paths.sorted(by: { $0.key < $1.key }) {
                    for (method, operation) in operations {
                        let route = "\(method.uppercased()) \(path)"
                        let summary = (operation as? [String: Any])?["summary"] as? String ?? ""
                        #expect(!summary.isEmpty, "\(route) has no summary")
                        #expect(
                            documentation.contains("`\(route)`") || documentation.contains("`\(route)?"),
                            "\(route) is in no route table of docs/coordinator.md or operations.md")
                    }
                }
            }
        }
    }
}
