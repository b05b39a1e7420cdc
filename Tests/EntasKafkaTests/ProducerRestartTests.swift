import Foundation
import Testing

@testable import EntasKafka
import EntasTestKit

@Suite("Kafka clients: durations and fatal errors", .english)
struct ProducerRestartTests {
    @Test(
        "a Duration becomes librdkafka's milliseconds: sub-second kept, rounded up, clamped",
        arguments: [
            (Duration.milliseconds(500), Int32(500)), (.seconds(2), 2_000), (.microseconds(1), 1), (.milliseconds(1_500), 1_500),
            (.zero, 0), (.milliseconds(-5), 0), (.seconds(Int64.max), Int32.max), (.seconds(3_000_000), Int32.max),
        ])
    func milliseconds(_ duration: Duration, _ expected: Int32) {
        #expect(duration.kafkaMilliseconds == expected)
    }

    @Test("after a fatal error the producer recreates its client, says so in its health, and sends again")
    func fatalErrorRestartsTheClient() async throws {
        let kafka = try EmbeddedKafka(logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let topic = KafkaTestSupport.uniqueName("fatal")
        try kafka.createTopic(topic, partitions: 1)
        let producer = try KafkaProducer(settings: KafkaTestSupport.settings(kafka), logger: KafkaTestSupport.logger)
        let message = KafkaOutgoingMessage(topic: topic, key: Data("k".utf8), value: Data("v".utf8))
        try await producer.send(message)
        #expect(producer.health == ProducerHealth())

        producer.raiseFatalErrorForTesting()
        // The record sent into the fatal state fails and is the caller's to send again (the outbox keeps it).
        await #expect(throws: KafkaError.self) { try await producer.send(message) }
        #expect(producer.health.restarts == 1)
        #expect(producer.health.lastFatalError == "OUT_OF_ORDER_SEQUENCE_NUMBER")
        #expect(!producer.health.isBroken)
        let report = try await producer.send(message)
        #expect(report.topic == topic)

        let consumer = try KafkaTestSupport.consumer(kafka, group: KafkaTestSupport.uniqueName("g"), topics: [topic])
        let received = try await KafkaTestSupport.collect(consumer, count: 2)
        #expect(received.count == 2)
        await consumer.close()
        await producer.shutdown()
    }
}
