import EntasKafka
import Foundation
import Testing
import EntasTestKit

@Suite("Producer and consumer through the embedded broker", .timeLimit(.minutes(2)), .english)
struct RoundTripTests {
    @Test("10,000 keyed messages reach two groups whole, in order per key")
    func twoGroupsSeeEverything() async throws {
        let kafka = try EmbeddedKafka(brokers: 3, logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let topic = KafkaTestSupport.uniqueName("round-trip")
        try kafka.createTopic(topic, partitions: 4)
        let producer = try KafkaProducer(settings: KafkaTestSupport.settings(kafka), logger: KafkaTestSupport.logger)

        let outgoing = KafkaTestSupport.keyedMessages(topic: topic, count: 10_000, keys: 97)
        let results = await producer.send(batch: outgoing)
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        await producer.shutdown()

        for group in ["group-a", "group-b"] {
            let consumer = try KafkaTestSupport.consumer(kafka, group: KafkaTestSupport.uniqueName(group), topics: [topic])
            let received = try await KafkaTestSupport.collect(consumer, count: 10_000)
            await consumer.close()
            #expect(received.count == 10_000)
            #expect(Set(received.compactMap { $0.stringHeaders["ce_id"] }).count == 10_000)
            #expect(KafkaTestSupport.perKeyOrderHolds(received))
        }
    }

    @Test("key, headers, value and timestamp survive the trip")
    func fieldsSurvive() async throws {
        let kafka = try EmbeddedKafka(logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let topic = KafkaTestSupport.uniqueName("fields")
        let producer = try KafkaProducer(settings: KafkaTestSupport.settings(kafka), logger: KafkaTestSupport.logger)
        let binary = Data([0, 1, 2, 255])
        let sentAfter = Date()
        let report = try await producer.send(
            KafkaOutgoingMessage(
                topic: topic, key: "3509311203080001",
                headers: [KafkaHeader(name: "ce_type", string: "id.go.jatim.entas.household.registered.v1"), KafkaHeader(name: "binary", value: binary)],
                value: Data(#"{"memberCount":4}"#.utf8)))
        #expect(report.topic == topic)
        #expect(report.offset == 0)

        let consumer = try KafkaTestSupport.consumer(kafka, group: KafkaTestSupport.uniqueName("fields"), topics: [topic])
        let message = try #require(try await KafkaTestSupport.collect(consumer, count: 1).first)
        let receivedBefore = Date()
        await consumer.close()
        await producer.shutdown()
        #expect(message.keyString == "3509311203080001")
        #expect(message.stringHeaders["ce_type"] == "id.go.jatim.entas.household.registered.v1")
        #expect(message.headers.first { $0.name == "binary" }?.value == binary)
        #expect(message.value == Data(#"{"memberCount":4}"#.utf8))
        let timestamp = try #require(message.timestamp)
        // The producer's clock at the send (a second of slack each way for rounding to milliseconds).
        #expect(timestamp >= sentAfter.addingTimeInterval(-1) && timestamp <= receivedBefore.addingTimeInterval(1), "\(timestamp)")
        #expect(message.partition == report.partition && message.offset == report.offset)
    }

    @Test("each record of a batch keeps its own key, headers and value (the producer reuses one block of memory for them)")
    func batchFieldsSurvive() async throws {
        let kafka = try EmbeddedKafka(logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let topic = KafkaTestSupport.uniqueName("batch-fields")
        let producer = try KafkaProducer(settings: KafkaTestSupport.settings(kafka), logger: KafkaTestSupport.logger)
        // Sizes around and beyond the block's first 4 KiB, so it grows between records; a record without a key,
        // a header without a value, an empty value, a name with a NUL byte's worth of room.
        let sent: [KafkaOutgoingMessage] = [
            KafkaOutgoingMessage(topic: topic, key: "k0", headers: [KafkaHeader(name: "ce_id", string: "0")], value: Data("small".utf8)),
            KafkaOutgoingMessage(
                topic: topic, key: "k1", headers: [KafkaHeader(name: "ce_id", string: "1"), KafkaHeader(name: "empty", value: nil)],
                value: Data(repeating: 0x41, count: 10_000)),
            KafkaOutgoingMessage(topic: topic, key: nil, headers: [KafkaHeader(name: "ce_id", string: "2")], value: Data()),
            KafkaOutgoingMessage(
                topic: topic, key: String(repeating: "k", count: 5_000),
                headers: (0..<20).map { KafkaHeader(name: "h\($0)", string: String(repeating: "v", count: $0 * 50)) }
                    + [KafkaHeader(name: "ce_id", string: "3")],
                value: Data((0..<3_000).map { UInt8($0 % 251) })),
            KafkaOutgoingMessage(topic: topic, key: "k4", headers: [KafkaHeader(name: "ce_id", string: "4")], value: Data("last".utf8)),
        ]
        let results = await producer.send(batch: sent)
        #expect(results.allSatisfy { (try? $0.get()) != nil })

        let consumer = try KafkaTestSupport.consumer(kafka, group: KafkaTestSupport.uniqueName("batch-fields"), topics: [topic])
        let received = try await KafkaTestSupport.collect(consumer, count: sent.count)
        await consumer.close()
        await producer.shutdown()
        let byID = Dictionary(uniqueKeysWithValues: received.compactMap { message in message.stringHeaders["ce_id"].map { ($0, message) } })
        for (index, record) in sent.enumerated() {
            let message = try #require(byID["\(index)"], "record \(index) did not arrive")
            #expect(message.key == record.key, "record \(index)")
            #expect(message.value == record.value, "record \(index)")
            #expect(message.headers == record.headers, "record \(index)")
        }
    }

    @Test("a producer that has shut down refuses to send, with a clear error")
    func sendAfterShutdown() async throws {
        let kafka = try EmbeddedKafka(logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let producer = try KafkaProducer(settings: KafkaTestSupport.settings(kafka), logger: KafkaTestSupport.logger)
        await producer.shutdown()
        await #expect(throws: KafkaError.self) {
            try await producer.send(KafkaOutgoingMessage(topic: "t", key: "k", value: Data()))
        }
    }
}
