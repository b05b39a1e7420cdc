import EntasKafka
import Foundation
import Testing
import EntasTestKit

@Suite("Broker outages", .timeLimit(.minutes(2)), .english)
struct BrokerOutageTests {
    @Test("messages produced while the brokers are down for seconds arrive exactly once")
    func outageWhileProducing() async throws {
        let kafka = try EmbeddedKafka(brokers: 3, logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let topic = KafkaTestSupport.uniqueName("outage")
        try kafka.createTopic(topic, partitions: 4, replicationFactor: 3)
        let producer = try KafkaProducer(settings: KafkaTestSupport.settings(kafka), logger: KafkaTestSupport.logger)

        let messages = KafkaTestSupport.keyedMessages(topic: topic, count: 20_000, keys: 50)
        let first = await producer.send(batch: Array(messages[0..<5_000]))
        try kafka.setAllBrokers(down: true)
        async let during = producer.send(batch: Array(messages[5_000...]))
        try await Task.sleep(for: .seconds(4))
        try kafka.setAllBrokers(down: false)
        let rest = await during
        let failures = (first + rest).filter { (try? $0.get()) == nil }
        #expect(failures.isEmpty)
        await producer.shutdown()

        let consumer = try KafkaTestSupport.consumer(kafka, group: KafkaTestSupport.uniqueName("outage"), topics: [topic])
        let received = try await KafkaTestSupport.collect(consumer, count: 20_000)
        let extra = try await KafkaTestSupport.drain(consumer, for: .seconds(1))
        await consumer.close()
        let ids = (received + extra).compactMap { $0.stringHeaders["ce_id"] }
        #expect(ids.count == 20_000)
        #expect(Set(ids).count == 20_000)
        #expect(KafkaTestSupport.perKeyOrderHolds(received))
    }

    @Test("a consumer rides out an outage and resumes by itself")
    func consumerResumes() async throws {
        let kafka = try EmbeddedKafka(logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let topic = KafkaTestSupport.uniqueName("consumer-outage")
        try kafka.createTopic(topic, partitions: 2)
        let producer = try KafkaProducer(settings: KafkaTestSupport.settings(kafka), logger: KafkaTestSupport.logger)
        let consumer = try KafkaTestSupport.consumer(kafka, group: KafkaTestSupport.uniqueName("c"), topics: [topic])
        _ = await producer.send(batch: KafkaTestSupport.keyedMessages(topic: topic, count: 100, keys: 5))
        _ = try await KafkaTestSupport.collect(consumer, count: 100)

        try kafka.setAllBrokers(down: true)
        try await Task.sleep(for: .seconds(2))
        try kafka.setAllBrokers(down: false)
        _ = await producer.send(batch: KafkaTestSupport.keyedMessages(topic: topic, count: 100, keys: 5))
        let after = try await KafkaTestSupport.collect(consumer, count: 100)
        #expect(after.count == 100)
        await consumer.close()
        await producer.shutdown()
    }
}
