import EntasKafka
import Foundation
import Testing

@Suite("Topic administration and the embedded broker", .timeLimit(.minutes(1)))
struct AdminAndEmbeddedTests {
    @Test("the embedded broker listens on loopback only")
    func loopbackOnly() throws {
        let kafka = try EmbeddedKafka(brokers: 3, logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let servers = kafka.bootstrapServers.split(separator: ",")
        #expect(servers.count == 3)
        #expect(servers.allSatisfy { $0.hasPrefix("127.0.0.1:") })
        #expect(kafka.brokerIDs == [1, 2, 3])
    }

    @Test("topics are created with their partition count; creating one again is success")
    func createAndList() async throws {
        let kafka = try EmbeddedKafka(logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let admin = try KafkaAdmin(settings: KafkaTestSupport.settings(kafka), logger: KafkaTestSupport.logger)
        let names = [KafkaTestSupport.uniqueName("a"), KafkaTestSupport.uniqueName("b")]
        try await admin.createTopics([TopicSpecification(name: names[0], partitions: 8), TopicSpecification(name: names[1], partitions: 2)])
        try await admin.createTopics([TopicSpecification(name: names[0], partitions: 8)])
        let topics = try await admin.listTopics()
        #expect(topics.first { $0.name == names[0] }?.partitionCount == 8)
        #expect(topics.first { $0.name == names[1] }?.partitionCount == 2)
    }

    @Test("an unknown librdkafka property is refused with its name in the error")
    func badProperty() throws {
        let kafka = try EmbeddedKafka(logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        var settings = KafkaTestSupport.settings(kafka)
        settings.properties["no.such.property"] = "1"
        #expect {
            _ = try KafkaProducer(settings: settings, logger: KafkaTestSupport.logger)
        } throws: { error in
            guard let error = error as? KafkaError else { return false }
            return error.operation == .configure && error.description.contains("no.such.property")
        }
    }

    @Test("a producer against a stopped broker fails its delivery with a transport error in time")
    func deliveryTimesOut() async throws {
        let kafka = try EmbeddedKafka(logger: KafkaTestSupport.logger)
        var settings = KafkaTestSupport.settings(kafka)
        kafka.stop()
        settings.properties["message.timeout.ms"] = "1500"
        let producer = try KafkaProducer(settings: settings, logger: KafkaTestSupport.logger)
        await #expect(throws: KafkaError.self) {
            try await producer.send(KafkaOutgoingMessage(topic: "nowhere", key: "k", value: Data("v".utf8)))
        }
        await producer.shutdown()
    }
}
