import EntasTestKit
import EntasKafka
import Foundation
import Logging

/// Shared pieces of the Kafka tests: a quiet logger, unique names, and collecting messages
/// with a deadline instead of sleeping.
enum KafkaTestSupport {
    static var logger: Logger { quietLogger("entas.kafka.tests") }

    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    static func settings(_ kafka: EmbeddedKafka, client: String = "tests") -> KafkaSettings {
        KafkaSettings(bootstrapServers: kafka.bootstrapServers, clientID: client, properties: EmbeddedKafka.recommendedClientProperties)
    }

    static func consumer(_ kafka: EmbeddedKafka, group: String, topics: [String]) throws -> KafkaConsumer {
        try KafkaConsumer(
            settings: KafkaConsumerSettings(kafka: settings(kafka, client: group), groupID: group, topics: topics),
            logger: logger
        )
    }

    struct TimedOut: Error, CustomStringConvertible {
        let expected: Int
        let received: Int
        var description: String { "timed out with \(received) of \(expected) messages" }
    }

    /// Reads messages until `count` arrived, marking each processed when `mark` is set.
    /// Throws `TimedOut` when the deadline passes first.
    static func collect(
        _ consumer: KafkaConsumer, count: Int, mark: Bool = true, timeout: Duration = .seconds(60)
    ) async throws -> [KafkaMessage] {
        let collected = Collected()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await message in consumer.messages {
                    if mark { try consumer.markProcessed(message) }
                    if await collected.append(message) >= count { return }
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw TimedOut(expected: count, received: await collected.count)
            }
            try await group.next()
            group.cancelAll()
        }
        return await collected.messages
    }

    /// Reads for `duration` and returns whatever arrived (to prove that nothing more comes).
    static func drain(_ consumer: KafkaConsumer, for duration: Duration) async throws -> [KafkaMessage] {
        let collected = Collected()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    for try await message in consumer.messages { _ = await collected.append(message) }
                } catch {}
            }
            try? await Task.sleep(for: duration)
            group.cancelAll()
        }
        return await collected.messages
    }

    actor Collected {
        var messages: [KafkaMessage] = []
        var count: Int { messages.count }
        func append(_ message: KafkaMessage) -> Int {
            messages.append(message)
            return messages.count
        }
    }

    /// A new one-partition topic named from `prefix`, with ``keyedMessages(topic:count:keys:)`` published to it
    /// by a producer shut down afterwards; the topic's name and each send's result.
    static func publishedTopic(
        _ kafka: EmbeddedKafka, prefix: String, count: Int, keys: Int
    ) async throws -> (topic: String, results: [Result<DeliveryReport, KafkaError>]) {
        let topic = uniqueName(prefix)
        try kafka.createTopic(topic, partitions: 1)
        let producer = try KafkaProducer(settings: settings(kafka), logger: logger)
        let results = await producer.send(batch: keyedMessages(topic: topic, count: count, keys: keys))
        await producer.shutdown()
        return (topic, results)
    }

    /// `count` messages over `keys` keys; each value is "key:sequence" so order can be checked.
    static func keyedMessages(topic: String, count: Int, keys: Int) -> [KafkaOutgoingMessage] {
        (0..<count).map { index in
            let key = "household-\(index % keys)"
            return KafkaOutgoingMessage(
                topic: topic, key: key,
                headers: [KafkaHeader(name: "ce_id", string: "\(index)")],
                value: Data("\(key):\(index / keys)".utf8))
        }
    }

    /// True when, for every key, the sequence numbers arrive in increasing order.
    static func perKeyOrderHolds(_ messages: [KafkaMessage]) -> Bool {
        var last: [String: Int] = [:]
        for message in messages {
            guard let text = String(data: message.value, encoding: .utf8),
                let separator = text.lastIndex(of: ":"),
                let sequence = Int(text[text.index(after: separator)...])
            else { return false }
            let key = String(text[..<separator])
            if let previous = last[key], previous >= sequence { return false }
            last[key] = sequence
        }
        return true
    }
}
