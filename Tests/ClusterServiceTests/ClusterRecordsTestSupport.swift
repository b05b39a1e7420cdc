import EntasTestKit
import EntasDomain
import EntasKafka
import EntasCluster
import EntasService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A live cluster service for the records tests: JSON in, status and JSON object out.
struct RecordsClient {
    let client: any TestClientProtocol
    let cluster: TestCluster

    /// Sends `body` and expects `status`; returns the answer as a JSON object.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, _ body: [String: Any]? = nil, expect status: HTTPResponse.Status,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [String: Any] {
        try await client.execute(uri: uri, method: method, headers: cluster.authorization, body: body.map(Fixture.json)) { response in
            #expect(response.status == status, "\(method) \(uri): \(String(buffer: response.body))", sourceLocation: sourceLocation)
            return Fixture.object(response.body)
        }
    }

    /// Registers sample household `index` with its family (``HouseholdRegistration/sampleMembers(_:headName:)``).
    func register(_ index: Int, desa: String = "35.09.31.2006", baseline: PovertyStatus = .miskin) async throws {
        try await send(
            .post, "/v1/households", JSONBody.object(try HouseholdRegistration.sample(index, desa: desa, baseline: baseline, withMembers: true)),
            expect: .created)
    }

    /// Runs `body` against a fresh service of `definition` on the embedded broker.
    static func with(_ definition: ClusterDefinition, _ body: @escaping @Sendable (RecordsClient) async throws -> Void) async throws {
        try await withBroker(definition, createTopics: false) { api, _ in try await body(api) }
    }

    /// Runs `body` against a fresh service of `definition` on a fresh embedded broker, handed to `body` too;
    /// with `createTopics`, every Entas topic is made first (2 partitions), so a test can read what was published.
    static func withBroker(
        _ definition: ClusterDefinition, createTopics: Bool = true, _ body: @escaping @Sendable (RecordsClient, EmbeddedKafka) async throws -> Void
    ) async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        if createTopics {
            for topic in EntasTopic.allCases { try kafka.createTopic(topic.rawValue, partitions: 2) }
        }
        let (cluster, app) = try await TestCluster.make(definition, kafka: kafka)
        defer { cluster.remove() }
        try await app.test(.live) { client in try await body(RecordsClient(client: client, cluster: cluster), kafka) }
    }
}

func kk(_ index: Int) -> String { String(format: "350931%010d", index) }
