import EntasDomain
import EntasKafka
import Foundation
import Logging

/// The bench's Kafka: librdkafka's mock cluster in this process on loopback, with the Entas
/// topics laid out by a ``TopicLayout``, a producer that publishes events as the services'
/// outbox relays do (CloudEvents headers, JSON value, the household's KK as key), and the
/// check that the broker kept every event.
final class BenchBroker: Sendable {
    let layout: TopicLayout
    private let kafka: EmbeddedKafka
    private let producer: KafkaProducer
    private let admin: KafkaAdmin

    /// Records handed to the producer at once; it waits for their acknowledgements.
    static let batchSize = 5_000

    init(layout: TopicLayout, logger: Logger) throws(KafkaError) {
        self.layout = layout
        kafka = try EmbeddedKafka(brokers: 1, logger: logger)
        for (topic, partitions) in layout.partitions.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try kafka.createTopic(topic.rawValue, partitions: partitions)
        }
        let settings = KafkaSettings(bootstrapServers: kafka.bootstrapServers, clientID: "entas-bench", properties: ["linger.ms": "20"])
        producer = try KafkaProducer(settings: settings, logger: logger)
        admin = try KafkaAdmin(settings: settings, logger: logger)
    }

    var bootstrapServers: String { kafka.bootstrapServers }

    /// The librdkafka properties every consumer of the bench uses (those `entas dev` gives its
    /// services): short fetch waits and sessions, which the mock needs.
    static var consumerProperties: [String: String] { EmbeddedKafka.recommendedClientProperties }

    /// Publishes `events` in order and returns how many the broker acknowledged.
    /// `progress` hears the running count after each batch.
    func publish(_ events: some Sequence<EventEnvelope>, progress: (Int) -> Void = { _ in }) async throws -> Int {
        var batch: [KafkaOutgoingMessage] = []
        batch.reserveCapacity(Self.batchSize)
        var published = 0
        for envelope in events {
            batch.append(try Self.message(envelope))
            if batch.count == Self.batchSize {
                published += try await send(batch)
                batch.removeAll(keepingCapacity: true)
                progress(published)
            }
        }
        if !batch.isEmpty {
            published += try await send(batch)
            progress(published)
        }
        return published
    }

    private func send(_ batch: [KafkaOutgoingMessage]) async throws -> Int {
        for result in await producer.send(batch: batch) { _ = try result.get() }
        return batch.count
    }

    /// The Kafka record the services' relays publish for `envelope`.
    static func message(_ envelope: EventEnvelope) throws(BenchError) -> KafkaOutgoingMessage {
        let encoded: EncodedEvent
        do { encoded = try envelope.encoded() } catch { throw .encoding("\(error)") }
        let headers = encoded.headers.sorted { $0.key < $1.key }.map { KafkaHeader(name: $0.key, string: $0.value) }
        return KafkaOutgoingMessage(topic: encoded.topic, key: encoded.key, headers: headers, value: encoded.value)
    }

    /// Checks that the consumed topics hold exactly `expected` records from offset 0: none
    /// dropped by the mock's per-partition cap, none duplicated.
    func checkRetained(expected: Int) async throws {
        let watermarks = try await admin.watermarks(of: TopicLayout.consumed.map(\.rawValue))
        if let trimmed = watermarks.first(where: { $0.low > 0 }) {
            throw BenchError.eventsNotRetained(
                detail: "\(trimmed.topic) partition \(trimmed.partition) starts at offset \(trimmed.low), not 0")
        }
        let held = watermarks.reduce(0) { $0 + Int($1.high) }
        guard held == expected else {
            throw BenchError.eventsNotRetained(detail: "the topics hold \(held) records for \(expected) published")
        }
    }

    /// Takes every broker down (`true`: connections close, new ones are refused) or brings them back.
    func setBrokersDown(_ down: Bool) throws(KafkaError) {
        try kafka.setAllBrokers(down: down)
    }

    func stop() async {
        await producer.shutdown()
        kafka.stop()
    }
}
