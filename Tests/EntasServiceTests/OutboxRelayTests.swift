import EntasTestKit
import EntasDomain
import EntasKafka
import EntasService
import EntasStore
import Foundation
import GRDB
import Testing

@Suite("Outbox relay through the embedded broker", .timeLimit(.minutes(3)), .english)
struct OutboxRelayTests {
    /// An embedded broker with `entas.households` in four partitions, and a fresh store whose outbox holds
    /// `count` registrations, unsent. The caller stops the broker and removes `directory`.
    private static func backlog(_ count: Int) async throws -> (kafka: EmbeddedKafka, pool: DatabasePool, directory: URL, events: [EncodedEvent]) {
        let kafka = try EmbeddedKafka(logger: ServiceTestSupport.logger)
        do {
            try kafka.createTopic(EntasTopic.households.rawValue, partitions: 4)
            let (pool, directory) = try ServiceTestSupport.temporaryStore()
            let events = try (0..<count).map { try ServiceTestSupport.registeredEvent($0).encoded() }
            try await pool.write { db in
                for event in events { try Outbox.enqueue(event, in: db) }
            }
            return (kafka, pool, directory, events)
        } catch {
            kafka.stop()  // the caller's cleanup never runs when the fixture fails
            throw error
        }
    }

    @Test("rows written while the broker is down are all published after it returns")
    func publishesAfterOutage() async throws {
        let kafka = try EmbeddedKafka(logger: ServiceTestSupport.logger)
        defer { kafka.stop() }
        try kafka.createTopic(EntasTopic.households.rawValue, partitions: 4)
        let (pool, directory) = try ServiceTestSupport.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outbox = Outbox(pool)
        let producer = try KafkaProducer(settings: ServiceTestSupport.kafkaSettings(kafka), logger: ServiceTestSupport.logger)

        try kafka.setAllBrokers(down: true)
        let relay = OutboxRelay(outbox: outbox, producer: producer, logger: ServiceTestSupport.logger)
        let relayTask = Task { try await relay.run() }

        var ids: Set<UUID> = []
        for index in 0..<2_000 {
            let event = try ServiceTestSupport.registeredEvent(index)
            ids.insert(event.id)
            let encoded = try event.encoded()
            try await pool.write { db in try Outbox.enqueue(encoded, in: db) }
        }
        try await Task.sleep(for: .seconds(3))
        #expect(try await outbox.pendingCount() == 2_000, "nothing may be marked sent while the broker is down")

        try kafka.setAllBrokers(down: false)
        try await eventually("the outbox drains") { try await outbox.pendingCount() == 0 }
        relayTask.cancel()
        _ = await relayTask.result
        await producer.shutdown()

        let published = try await ServiceTestSupport.readAll(kafka, topics: [EntasTopic.households.rawValue], count: 2_000)
        let publishedIDs = published.compactMap { $0.stringHeaders["ce_id"].flatMap(UUID.init(uuidString:)) }
        #expect(ids.subtracting(publishedIDs).isEmpty, "every event is on the topic")
        #expect(publishedIDs.count == 2_000)
        let integrity = try await pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    @Test("a backlog of many batches, each read while the one before is handed over, is published once and in outbox order")
    func backlogInOrder() async throws {
        let (kafka, pool, directory, events) = try await Self.backlog(3_000)
        defer {
            kafka.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        let topic = EntasTopic.households.rawValue
        let outbox = Outbox(pool)
        var settings = OutboxRelay.Settings()
        settings.batchSize = 128  // 24 batches: the relay reads ahead 23 times

        let producer = try KafkaProducer(settings: ServiceTestSupport.kafkaSettings(kafka), logger: ServiceTestSupport.logger)
        let relay = Task { [settings] in try await OutboxRelay(outbox: outbox, producer: producer, settings: settings, logger: ServiceTestSupport.logger).run() }
        try await eventually("the outbox drains") { try await outbox.pendingCount() == 0 }
        relay.cancel()
        _ = await relay.result
        await producer.shutdown()

        let published = try await ServiceTestSupport.readAll(kafka, topics: [topic], count: events.count)
        let position = Dictionary(uniqueKeysWithValues: events.enumerated().map { ($1.id.lowercaseText, $0) })
        #expect(published.count == events.count, "each row once")
        #expect(Set(published.compactMap { $0.stringHeaders["ce_id"] }) == Set(position.keys))
        // Within a partition, the broker's order is the outbox's.
        for partition in Set(published.map(\.partition)) {
            let order = published.filter { $0.partition == partition }.sorted { $0.offset < $1.offset }
                .compactMap { $0.stringHeaders["ce_id"].flatMap { position[$0] } }
            #expect(order == order.sorted(), "partition \(partition) is out of the outbox's order")
        }
    }

    @Test("a relay stopped mid-batch and restarted loses nothing, and consumers apply each event once")
    func restartMidBatch() async throws {
        let (kafka, pool, directory, events) = try await Self.backlog(5_000)
        defer {
            kafka.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        let topic = EntasTopic.households.rawValue
        let outbox = Outbox(pool)
        let ids = Set(events.map(\.id))
        let settings = {
            var settings = OutboxRelay.Settings()
            settings.batchSize = 250
            return settings
        }()

        // First relay: stopped hard (cancelled) as soon as it has made progress.
        let firstProducer = try KafkaProducer(settings: ServiceTestSupport.kafkaSettings(kafka), logger: ServiceTestSupport.logger)
        let first = Task { try await OutboxRelay(outbox: outbox, producer: firstProducer, settings: settings, logger: ServiceTestSupport.logger).run() }
        try await eventually("the first relay makes progress") { try await outbox.pendingCount() < 5_000 }
        first.cancel()
        _ = await first.result
        await firstProducer.shutdown()
        let leftOver = try await outbox.pendingCount()
        #expect(leftOver > 0, "the first relay must be stopped mid-way for this test to mean anything")

        // Second relay, as after a restart: publishes what was left.
        let secondProducer = try KafkaProducer(settings: ServiceTestSupport.kafkaSettings(kafka), logger: ServiceTestSupport.logger)
        let second = Task { try await OutboxRelay(outbox: outbox, producer: secondProducer, settings: settings, logger: ServiceTestSupport.logger).run() }
        try await eventually("the second relay drains the outbox") { try await outbox.pendingCount() == 0 }
        second.cancel()
        _ = await second.result
        await secondProducer.shutdown()

        let published = try await ServiceTestSupport.readAll(kafka, topics: [topic], count: 5_000)
        let publishedIDs = published.compactMap { $0.stringHeaders["ce_id"].flatMap(UUID.init(uuidString:)) }
        #expect(ids.subtracting(publishedIDs).isEmpty, "every event is on the topic")
        #expect(Set(publishedIDs).count == ids.count)
        // A row delivered but not yet marked when the relay stopped is published again: at
        // most the batches that were in flight.
        #expect(publishedIDs.count - ids.count <= settings.batchSize * settings.batchesInFlight)

        // Consumers apply through the inbox: each event once.
        let (consumerPool, consumerDirectory) = try ServiceTestSupport.temporaryStore()
        defer { try? FileManager.default.removeItem(at: consumerDirectory) }
        let inbox = Inbox(consumerPool)
        for message in published {
            let envelope = try EventEnvelope.decode(headers: message.stringHeaders, value: message.value)
            _ = try await inbox.applyOnce(eventID: envelope.id, eventType: envelope.payload.eventType.ceType) { db in
                try ServiceTestSupport.recordApplication(envelope.id, in: db)
            }
        }
        let (rows, maximum) = try await consumerPool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appliedEvent") ?? 0,
             try Int.fetchOne(db, sql: "SELECT MAX(applications) FROM appliedEvent") ?? 0)
        }
        #expect(rows == 5_000)
        #expect(maximum == 1)
    }
}
