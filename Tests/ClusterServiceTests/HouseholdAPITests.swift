import EntasTestKit
import EntasDomain
import EntasKafka
import EntasCluster
import EntasService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CommunityEmpowerment
@testable import Enterprise
@testable import LowCostPrograms
@testable import SocialAid

@Suite("Cluster service HTTP API", .timeLimit(.minutes(2)), .english)
struct HouseholdAPITests {
    static let definitions: [ClusterDefinition] = [
        SocialAidCommand.definition, EmpowermentCommand.definition, EnterpriseCommand.definition, LowCostCommand.definition,
    ]

    static func definition(_ cluster: Cluster) -> ClusterDefinition {
        definitions.first { $0.cluster == cluster } ?? SocialAidCommand.definition
    }

    @Test("registering publishes household.registered with CloudEvents headers; a known KK is an update", arguments: Cluster.allCases)
    func registerPublishes(cluster clusterName: Cluster) async throws {
        let definition = Self.definition(clusterName)
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(definition, kafka: kafka)
        defer { cluster.remove() }
        try await app.test(.live) { client in
            let household = try HouseholdRegistration.sample(1)
            try await client.execute(uri: "/v1/households", method: .post, headers: cluster.authorization, body: Fixture.json(household)) { response in
                #expect(response.status == .created)
                #expect(Fixture.object(response.body)["status"] as? String == "miskin")
            }
            try await client.execute(uri: "/v1/households", method: .post, headers: cluster.authorization, body: Fixture.json(household)) { response in
                #expect(response.status == .ok, "the same household again is not a duplicate")
            }
            var moved = household
            moved.memberCount = 5
            try await client.execute(uri: "/v1/households", method: .post, headers: cluster.authorization, body: Fixture.json(moved)) { response in
                #expect(response.status == .ok)
                #expect(Fixture.object(response.body)["memberCount"] as? Int == 5)
            }
            try await client.execute(uri: "/v1/households/3509310000000001", method: .get, headers: cluster.authorization) { response in
                #expect(response.status == .ok)
                #expect(Fixture.object(response.body)["headName"] as? String == "Kepala Keluarga 1")
            }
            try await client.execute(uri: "/v1/households?region=35.09.31&status=miskin", method: .get, headers: cluster.authorization) { response in
                #expect((Fixture.object(response.body)["households"] as? [Any])?.count == 1)
            }
            try await cluster.waitForOutbox()
        }
        let events = try await readTopic(kafka, EntasTopic.households, count: 2)
        #expect(events.map { $0.stringHeaders["ce_type"] } == ["id.go.jatim.entas.household.registered.v1", "id.go.jatim.entas.household.updated.v1"])
        for event in events {
            let headers = event.stringHeaders
            #expect(headers["ce_specversion"] == "1.0")
            #expect(headers["ce_source"] == "/entas/\(definition.serviceName)")
            #expect(headers["content-type"] == "application/json")
            #expect(UUID(uuidString: headers["ce_id"] ?? "") != nil)
            #expect(event.keyString == "3509310000000001")
        }
    }

    @Test("requests without a token get 401, with another service's token 403, with an unknown one 401")
    func authentication() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        try await app.test(.live) { client in
            let cases: [(HTTPFields, HTTPResponse.Status, String)] = [
                ([:], .unauthorized, "missing-token"),
                ([.authorization: "Bearer entas.umkm.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"], .forbidden, "wrong-service"),
                ([.authorization: "Bearer entas.social-aid.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"], .unauthorized, "unknown-token"),
            ]
            for (headers, status, code) in cases {
                for (uri, method) in [("/v1/households", HTTPRequest.Method.get), ("/v1/households", .post), ("/v1/programmes", .get)] {
                    try await client.execute(uri: uri, method: method, headers: headers, body: Fixture.json(try HouseholdRegistration.sample(2))) { response in
                        #expect(response.status == status)
                        #expect(response.headers[.contentType] == "application/problem+json")
                        #expect(Fixture.object(response.body)["code"] as? String == code)
                    }
                }
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        #expect(try await cluster.replicaCount() == 0)
    }

    @Test("/health with the broker gone answers 503 naming the part, and no broker address or file path")
    func healthWithoutBroker() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        let bootstrap = kafka.bootstrapServers
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        try await app.test(.live) { client in
            try await client.execute(uri: "/health", method: .get) { response in #expect(response.status == .ok) }
            kafka.stop()
            try await client.execute(uri: "/health", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(response.status == .serviceUnavailable)
                #expect(Fixture.object(response.body)["database"] as? String == "ok")
                #expect((Fixture.object(response.body)["kafka"] as? String)?.hasPrefix("unavailable: no Kafka broker answered") == true, "\(body)")
                #expect(!body.contains(bootstrap) && !body.contains("127.0.0.1") && !body.contains(cluster.directory.path), "\(body)")
            }
        }
    }

    @Test("/openapi.json lists every route the service answers")
    func openAPI() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(EnterpriseCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        try await app.test(.live) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                let paths = Fixture.object(response.body)["paths"] as? [String: Any] ?? [:]
                for path in [
                    "/v1/households", "/v1/households/{kk}", "/v1/households/{kk}/assessments", "/v1/households/import",
                    "/v1/households/{kk}/graduation", "/v1/enrolments", "/v1/enrolments/{id}/end", "/v1/enrolments/{id}/deliveries",
                    "/v1/referrals", "/v1/referrals/incoming", "/v1/referrals/{id}/accept", "/v1/referrals/{id}/decline",
                    "/v1/programmes", "/v1/commitments", "/v1/commitments/{id}", "/health", "/metrics", "/openapi.json",
                ] {
                    #expect(paths[path] != nil, "missing \(path)")
                }
                // The shared write routes carry their body's shape, not a bare object, so a client or a fuzzer reaches the rules.
                func operation(_ method: String, _ path: String) -> [String: Any] {
                    (paths[path] as? [String: Any])?[method] as? [String: Any] ?? [:]
                }
                for path in ["/v1/households", "/v1/enrolments", "/v1/commitments", "/v1/referrals"] {
                    let body = operation("post", path)["requestBody"] as? [String: Any]
                    let schema = ((body?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
                    let properties = schema?["properties"] as? [String: Any] ?? [:]
                    #expect(!properties.isEmpty, "POST \(path) has no body schema")
                    if path == "/v1/commitments" {
                        #expect(Set(properties.keys).isSuperset(of: ["regionCode", "period", "programme", "households", "deliveries", "budgetRupiah"]))
                        let programmes = (properties["programme"] as? [String: Any])?["enum"] as? [String]
                        #expect(programmes?.contains("kur") == true, "\(String(describing: programmes))")
                    }
                }
                let query = (operation("get", "/v1/commitments")["parameters"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                #expect(Set(query).isSuperset(of: ["region", "period", "programme"]))
                let summary = ((paths["/v1/households"] as? [String: Any])?["post"] as? [String: Any])?["summary"] as? String
                #expect(summary?.contains("household.registered") == true)
            }
        }
    }
}

/// The first `count` records of a topic, read by a fresh group.
func readTopic(_ kafka: EmbeddedKafka, _ topic: EntasTopic, count: Int) async throws -> [KafkaMessage] {
    let consumer = try KafkaConsumer(
        settings: KafkaConsumerSettings(
            kafka: KafkaSettings(bootstrapServers: kafka.bootstrapServers, properties: EmbeddedKafka.recommendedClientProperties),
            groupID: "reader-\(UUID().uuidString)", topics: [topic.rawValue]),
        logger: TestCluster.logger)
    var messages: [KafkaMessage] = []
    for try await message in consumer.messages {
        messages.append(message)
        if messages.count >= count { break }
    }
    await consumer.close()
    return messages.sorted { ($0.partition, $0.offset) < ($1.partition, $1.offset) }
}
