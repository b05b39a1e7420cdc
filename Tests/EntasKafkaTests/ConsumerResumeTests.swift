import EntasKafka
import Foundation
import Testing
import EntasTestKit

@Suite("Consumer offsets", .timeLimit(.minutes(2)), .english)
struct ConsumerResumeTests {
    @Test("a member that committed half resumes, as a new instance, at the next message")
    func resumesAfterCommittedHalf() async throws {
        let kafka = try EmbeddedKafka(logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let (topic, results) = try await KafkaTestSupport.publishedTopic(kafka, prefix: "resume", count: 1_000, keys: 10)
        #expect(results.allSatisfy { (try? $0.get()) != nil })

        let group = KafkaTestSupport.uniqueName("resume")
        let first = try KafkaTestSupport.consumer(kafka, group: group, topics: [topic])
        // Read more than half, but mark only the first 500 processed.
        let seen = try await KafkaTestSupport.collect(first, count: 700, mark: false)
        for message in seen.prefix(500) { try first.markProcessed(message) }
        try await first.commit()
        await first.close()

        let second = try KafkaTestSupport.consumer(kafka, group: group, topics: [topic])
        let rest = try await KafkaTestSupport.collect(second, count: 500)
        #expect(rest.first?.offset == 500)
        #expect(rest.map(\.offset) == Array(500..<1_000))
        let positions = try await second.positions()
        try await second.commit()
        await second.close()
        #expect(positions.count == 1)
    }

    /// A replay (the coordinator's rebuild) is done when the lag is 0: the messages of a batch being
    /// applied must count until they are marked, even in a partition with no mark yet.
    @Test("a message handed out and not yet marked counts in the known lag, in a partition with no mark yet too")
    func handedOutCountsInTheLag() async throws {
        let kafka = try EmbeddedKafka(logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let (topic, _) = try await KafkaTestSupport.publishedTopic(kafka, prefix: "lag", count: 20, keys: 2)

        let consumer = try KafkaTestSupport.consumer(kafka, group: KafkaTestSupport.uniqueName("lag"), topics: [topic])
        let seen = try await KafkaTestSupport.collect(consumer, count: 20, mark: false)
        #expect(consumer.knownPositions().map(\.lag) == [20], "all handed out, none marked")
        for message in seen.prefix(5) { try consumer.markProcessed(message) }
        #expect(consumer.knownPositions().map(\.lag) == [15])
        for message in seen.dropFirst(5) { try consumer.markProcessed(message) }
        #expect(consumer.knownPositions().map(\.lag) == [0])
        await consumer.close()
    }

    @Test("unmarked messages are not committed: a restarted member sees them again")
    func unmarkedAreRedelivered() async throws {
        let kafka = try EmbeddedKafka(logger: KafkaTestSupport.logger)
        defer { kafka.stop() }
        let (topic, _) = try await KafkaTestSupport.publishedTopic(kafka, prefix: "unmarked", count: 20, keys: 2)

        let group = KafkaTestSupport.uniqueName("unmarked")
        let first = try KafkaTestSupport.consumer(kafka, group: group, topics: [topic])
        _ = try await KafkaTestSupport.collect(first, count: 20, mark: false)
        await first.close()

        let second = try KafkaTestSupport.consumer(kafka, group: group, topics: [topic])
        let again = try await KafkaTestSupport.collect(second, count: 20)
        await second.close()
        #expect(again.first?.offset == 0)
    }
}
