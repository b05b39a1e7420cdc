import EntasKafka
import EntasService
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import EntasKafka
import EntasTestKit

@Suite("/health of a service runtime", .english)
struct HealthTests {
    @Test("a fatal producer error shows in /health as a recreated client, and the service stays ready")
    func producerRestartShows() async throws {
        let kafka = try EmbeddedKafka(logger: ServiceTestSupport.logger)
        defer { kafka.stop() }
        let (_, directory) = try ServiceTestSupport.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = ServiceConfiguration(
            serviceName: "social-aid", databasePath: directory.appendingPathComponent("health.sqlite").path,
            kafka: ServiceTestSupport.kafkaSettings(kafka), logLevel: .critical, httpHost: "127.0.0.1", httpPort: 0)
        let runtime = try ServiceRuntime(configuration: configuration, logger: ServiceTestSupport.logger) { _ in }
        let app = try runtime.application(router: runtime.makeRouter(), title: "health", services: [])
        try await app.test(.live) { client in
            func health() async throws -> (HTTPResponse.Status, [String: Any]) {
                try await client.execute(uri: "/health", method: .get) { response in
                    (response.status, (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:])
                }
            }
            #expect(try await health().1["producer"] as? String == "ok")
            runtime.producer.raiseFatalErrorForTesting()
            let topic = ServiceTestSupport.uniqueName("health")
            try kafka.createTopic(topic, partitions: 1)
            _ = await runtime.producer.send(batch: [KafkaOutgoingMessage(topic: topic, key: nil, value: Data("x".utf8))])
            let (status, body) = try await health()
            #expect(status == .ok)
            let producer = body["producer"] as? String ?? ""
            #expect(producer.hasPrefix("recreated 1 time(s) after a fatal error; the last: OUT_OF_ORDER_SEQUENCE_NUMBER at "), "\(body)")
        }
    }
}
