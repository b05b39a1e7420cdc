import EntasTestKit
import EntasKafka
import Foundation

/// Reads Kafka from the test process, as an operator's tool would: whole topics from the
/// start in a group of its own, and moving a service's group back to the start.
enum TopicReader {
    /// One record, reduced to what the checks need.
    struct Record: Sendable {
        var topic: String
        var partition: Int32
        var offset: Int64
        var key: String?
        var headers: [String: String]
        var valueSize: Int
        var eventID: String? { headers["ce_id"] }
        var eventType: String? { headers["ce_type"] }
    }

    /// Every record of `topics` from the start up to their ends as they are when the reader
    /// has joined. `partitions` is how many partitions the topics have together.
    static func readAll(_ topics: [String], partitions: Int, settings: KafkaSettings, timeout: Duration = .seconds(120)) async throws -> [Record] {
        let consumer = try KafkaConsumer(
            settings: KafkaConsumerSettings(kafka: settings, groupID: "entas-faults-reader-\(UUID().uuidString.prefix(8))", topics: topics),
            logger: FaultSystem.logger)
        do {
            let records = try await read(consumer, partitions: partitions, timeout: timeout)
            await consumer.close()
            return records
        } catch {
            await consumer.close()
            throw error
        }
    }

    private static func read(_ consumer: KafkaConsumer, partitions: Int, timeout: Duration) async throws -> [Record] {
        var records: [Record] = []
        var next: [TopicPartition: Int64] = [:]
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let message = try consumer.nextIfAvailable() {
                records.append(Record(topic: message.topic, partition: message.partition, offset: message.offset, key: message.key.map { String(decoding: $0, as: UTF8.self) }, headers: message.stringHeaders, valueSize: message.value.count))
                next[TopicPartition(topic: message.topic, partition: message.partition)] = message.offset + 1
                continue
            }
            // Nothing waiting: compare with the end of each partition as its latest fetch response
            // gives it (a ListOffsets query answers less than the true end on Tansu 0.6.0); done
            // once every partition is read to it.
            let ends = consumer.knownPositions()
            if ends.count == partitions,
                ends.allSatisfy({ $0.highWatermark == 0 || (next[TopicPartition(topic: $0.topic, partition: $0.partition)] ?? 0) >= $0.highWatermark })
            {
                return records
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw FaultFailure("reading \(consumer.settings.topics) did not reach the end within \(timeout) (\(records.count) records)")
    }

    /// Moves `group` back to the start of `topics`: joins it alone (the service must be
    /// stopped), waits to own every partition, commits each partition's first offset, leaves.
    static func resetToStart(group: String, topics: [String], partitions: Int, settings: KafkaSettings) async throws -> Int64 {
        let consumer = try KafkaConsumer(settings: KafkaConsumerSettings(kafka: settings, groupID: group, topics: topics), logger: FaultSystem.logger)
        try await eventually("the reset owns the \(partitions) partitions of \(group)", timeout: .seconds(60), every: .milliseconds(20)) {
            _ = try consumer.nextIfAvailable()  // drives the join; nothing is marked processed
            return consumer.assignment().count == partitions
        }
        // The first offsets from a ListOffsets query, the ends from the fetch responses (see `read`).
        try await eventually("fetch responses from the \(partitions) partitions", timeout: .seconds(60), every: .milliseconds(20)) {
            _ = try consumer.nextIfAvailable()
            return consumer.knownPositions().count == partitions
        }
        let ends = Dictionary(uniqueKeysWithValues: consumer.knownPositions().map { (TopicPartition(topic: $0.topic, partition: $0.partition), $0.highWatermark) })
        var starts: [TopicPartition: Int64] = [:]
        var records: Int64 = 0
        for position in try await consumer.positions() {
            let partition = TopicPartition(topic: position.topic, partition: position.partition)
            starts[partition] = position.lowWatermark
            records += max(ends[partition] ?? position.highWatermark, position.highWatermark) - position.lowWatermark
        }
        try await consumer.commit(starts)
        await consumer.close()
        return records
    }
}
