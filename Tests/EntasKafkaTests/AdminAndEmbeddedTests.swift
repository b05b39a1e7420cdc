import EntasKafka
import Foundation
import Testing
import EntasTestKit

@Suite("Topic administration and the embedded broker", .timeLimit(.minutes(1)), .english)
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

    @Test("topics are created with their partition count; one that exists is left alone and reported with its partitions")
    func createAndList() async throws {
        let kafka = try EmbeddedKafka(logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let admin = try KafkaAdmin(settings: KafkaTestSupport.settings(kafka), logger: KafkaTestSupport.logger)
        let names = [KafkaTestSupport.uniqueName("a"), KafkaTestSupport.uniqueName("b")]
        let first = try await admin.createTopics([TopicSpecification(name: names[0], partitions: 8), TopicSpecification(name: names[1], partitions: 2)])
        #expect(first.map(\.outcome) == [.created, .created])
        let again = try await admin.createTopics([TopicSpecification(name: names[0], partitions: 4)])
        #expect(again.map(\.outcome) == [.alreadyExisted(partitions: 8)])
        let topics = try await admin.listTopics()
        #expect(topics.first { $0.name == names[0] }?.partitionCount == 8)
        #expect(topics.first { $0.name == names[1] }?.partitionCount == 2)
    }

    @Test("a consumer-only property reaches consumers only and a producer-only one producers only; the others reach both")
    func propertiesByClient() throws {
        let kafka = try EmbeddedKafka(logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let settings = KafkaSettings(
            bootstrapServers: kafka.bootstrapServers, clientID: "scopes",
            properties: ["fetch.wait.max.ms": "25", "session.timeout.ms": "7000", "linger.ms": "7", "message.timeout.ms": "70000", "socket.keepalive.enable": "true"])
        let producer = try KafkaProducer(settings: settings, logger: KafkaTestSupport.logger).effectiveConfiguration
        let consumer = try KafkaConsumer(
            settings: KafkaConsumerSettings(kafka: settings, groupID: KafkaTestSupport.uniqueName("scopes"), topics: ["scopes"]),
            logger: KafkaTestSupport.logger
        ).effectiveConfiguration
        #expect(consumer["fetch.wait.max.ms"] == "25" && consumer["session.timeout.ms"] == "7000")
        #expect(producer["fetch.wait.max.ms"] == "500" && producer["session.timeout.ms"] == "45000", "librdkafka's defaults on the producer")
        #expect(producer["queue.buffering.max.ms"] == "7" && producer["message.timeout.ms"] == "70000")
        #expect(consumer["queue.buffering.max.ms"] != "7" && consumer["message.timeout.ms"] != "70000", "no producer property on the consumer")
        #expect(producer["socket.keepalive.enable"] == "true" && consumer["socket.keepalive.enable"] == "true")
        #expect(KafkaPropertyScope(of: "fetch.wait.max.ms") == .consumer && KafkaPropertyScope(of: "linger.ms") == .producer)
        #expect(KafkaPropertyScope(of: "security.protocol") == .every)
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
