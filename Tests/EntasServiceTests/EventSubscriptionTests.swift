import EntasTestKit
import EntasDomain
import EntasKafka
import EntasService
import EntasStore
import Foundation
import GRDB
import Synchronization
import Testing

@Suite("Event subscription: apply once, dead-letter the rest", .timeLimit(.minutes(3)), .english)
struct EventSubscriptionTests {
    /// A running subscription over a fresh store, its producer, and what it needs to stop.
    struct Harness {
        let kafka: EmbeddedKafka
        let pool: DatabasePool
        let directory: URL
        let producer: KafkaProducer
        let task: Task<Void, any Error>
        let consumer: KafkaConsumer

        static func start(
            topic: String, accepts: @escaping EventSubscription.Filter = { _ in true }, handler: @escaping EventSubscription.Handler
        ) async throws -> Harness {
            try await start(
                topic: topic, accepts: accepts,
                preparedHandler: EventSubscription.PreparedBatchHandler(prepare: { $0 }, apply: EventSubscription.each(handler)))
        }

        static func start<Prepared>(
            topic: String, accepts: @escaping EventSubscription.Filter = { _ in true },
            preparedHandler: EventSubscription.PreparedBatchHandler<Prepared>
        ) async throws -> Harness {
            let kafka = try EmbeddedKafka(logger: ServiceTestSupport.logger)
            try kafka.createTopic(topic, partitions: 2)
            try kafka.createTopic(EntasTopic.deadLetter.rawValue, partitions: 1)
            let (pool, directory) = try ServiceTestSupport.temporaryStore()
            let producer = try KafkaProducer(settings: ServiceTestSupport.kafkaSettings(kafka), logger: ServiceTestSupport.logger)
            let consumer = try KafkaConsumer(
                settings: KafkaConsumerSettings(kafka: ServiceTestSupport.kafkaSettings(kafka), groupID: ServiceTestSupport.uniqueName("sub"), topics: [topic]),
                logger: ServiceTestSupport.logger)
            var settings = EventSubscription.Settings()
            settings.retryDelay = .milliseconds(20)
            let subscription = EventSubscription(
                consumer: consumer, inbox: Inbox(pool), deadLetters: producer, settings: settings,
                logger: ServiceTestSupport.logger, accepts: accepts, preparedHandler: preparedHandler)
            let task = Task { try await subscription.run() }
            return Harness(kafka: kafka, pool: pool, directory: directory, producer: producer, task: task, consumer: consumer)
        }

        func send(_ event: EncodedEvent) async throws {
            try await producer.send(
                KafkaOutgoingMessage(
                    topic: event.topic, key: event.key,
                    headers: event.headers.map { KafkaHeader(name: $0.key, string: $0.value) }, value: event.value))
        }

        func send(raw value: Data, headers: [String: String], topic: String) async throws {
            try await producer.send(
                KafkaOutgoingMessage(topic: topic, key: "poison", headers: headers.map { KafkaHeader(name: $0.key, string: $0.value) }, value: value))
        }

        func applications(_ id: UUID) async throws -> Int {
            try await pool.read { db in
                try Int.fetchOne(db, sql: "SELECT applications FROM appliedEvent WHERE eventId = ?", arguments: [id.uuidString]) ?? 0
            }
        }

        func stop() async {
            task.cancel()
            _ = await task.result
            await producer.shutdown()
            kafka.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    @Test("the same event delivered twice changes the store once")
    func duplicateAppliedOnce() async throws {
        let topic = EntasTopic.households.rawValue
        let harness = try await Harness.start(topic: topic) { envelope, db in
            try ServiceTestSupport.recordApplication(envelope.id, in: db)
        }
        let event = try ServiceTestSupport.registeredEvent(1).encoded()
        let marker = try ServiceTestSupport.registeredEvent(2).encoded()
        try await harness.send(event)
        try await harness.send(event)
        try await harness.send(marker)
        // The two events have different keys, so they may sit on different partitions: wait for both.
        try await eventually("both events are applied") {
            let marker = try await harness.applications(marker.id), event = try await harness.applications(event.id)
            return marker == 1 && event >= 1
        }
        #expect(try await harness.applications(event.id) == 1)
        await harness.stop()
    }

    @Test("a prepared handler gets each new event as its prepare made it, in a batch with a repeat and one at a time")
    func preparedEvents() async throws {
        let topic = EntasTopic.households.rawValue
        final class Count: Sendable { let value = Mutex(0) }
        let prepared = Count()
        // The store records the id `prepare` made: a value out of line with its event would record another id.
        let harness = try await Harness.start(
            topic: topic,
            preparedHandler: EventSubscription.PreparedBatchHandler(
                prepare: { envelope in
                    prepared.value.withLock { $0 += 1 }
                    return envelope.id
                },
                apply: { ids, db in for id in ids { try ServiceTestSupport.recordApplication(id, in: db) } }))
        let first = try ServiceTestSupport.registeredEvent(11).encoded()
        let second = try ServiceTestSupport.registeredEvent(12).encoded()
        let third = try ServiceTestSupport.registeredEvent(13).encoded()
        try await harness.send(first)
        try await harness.send(first)
        try await harness.send(second)
        // A poison record sends its batch one record at a time.
        var poisonHeaders = third.headers
        poisonHeaders["ce_id"] = UUID().lowercaseText
        try await harness.send(raw: Data("{not json".utf8), headers: poisonHeaders, topic: topic)
        try await harness.send(third)
        // Each event has a key of its own, so they may sit on different partitions: wait for all three.
        try await eventually("the three events are applied") {
            var counts: [Int] = []
            for event in [first, second, third] { counts.append(try await harness.applications(event.id)) }
            return counts.allSatisfy { $0 >= 1 }
        }
        #expect(try await harness.applications(first.id) == 1)
        #expect(try await harness.applications(second.id) == 1)
        let applied = try await harness.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appliedEvent") ?? 0 }
        #expect(applied == 3)
        #expect(prepared.value.withLock { $0 } >= 4, "each delivered event was prepared")
        await harness.stop()
    }

    @Test("events the handler does not want are skipped with no transaction and no inbox row")
    func filteredEvents() async throws {
        let topic = EntasTopic.households.rawValue
        let unwanted = try ServiceTestSupport.registeredEvent(6).encoded()
        let wanted = try ServiceTestSupport.registeredEvent(7).encoded()
        let harness = try await Harness.start(topic: topic, accepts: { $0.id == wanted.id }) { envelope, db in
            try ServiceTestSupport.recordApplication(envelope.id, in: db)
        }
        try await harness.send(unwanted)
        try await harness.send(wanted)
        try await eventually("the wanted event is applied") { try await harness.applications(wanted.id) == 1 }
        #expect(try await harness.applications(unwanted.id) == 0)
        let inboxed = try await Inbox(harness.pool).contains(unwanted.id)
        #expect(!inboxed)
        await harness.stop()
    }

    @Test("poison records land on the dead-letter topic with a reason, and the next good event is applied")
    func poisonToDeadLetter() async throws {
        let topic = EntasTopic.households.rawValue
        let harness = try await Harness.start(topic: topic) { envelope, db in
            try ServiceTestSupport.recordApplication(envelope.id, in: db)
        }
        let good = try ServiceTestSupport.registeredEvent(3).encoded()
        var badJSONHeaders = good.headers
        badJSONHeaders["ce_id"] = UUID().lowercaseText
        try await harness.send(raw: Data("{not json".utf8), headers: badJSONHeaders, topic: topic)
        var unknownTypeHeaders = good.headers
        unknownTypeHeaders["ce_id"] = UUID().lowercaseText
        unknownTypeHeaders["ce_type"] = "id.go.jatim.entas.household.teleported.v1"
        try await harness.send(raw: good.value, headers: unknownTypeHeaders, topic: topic)
        try await harness.send(good)

        try await eventually("the good event is applied") { try await harness.applications(good.id) == 1 }
        let letters = try await ServiceTestSupport.readAll(harness.kafka, topics: [EntasTopic.deadLetter.rawValue], count: 2)
        let reasons = Set(letters.compactMap { $0.stringHeaders[DeadLetter.reasonHeader] })
        #expect(letters.count == 2)
        #expect(reasons == ["invalid-json", "unknown-type"])
        #expect(letters.allSatisfy { $0.stringHeaders[DeadLetter.originalTopicHeader] == topic })
        #expect(letters.allSatisfy { !($0.stringHeaders[DeadLetter.detailHeader] ?? "").isEmpty })
        let applied = try await harness.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appliedEvent") ?? 0 }
        #expect(applied == 1, "nothing of the poison records is applied")
        await harness.stop()
    }

    @Test("an event whose handler keeps failing is dead-lettered after bounded retries and does not block the partition")
    func failingHandler() async throws {
        let topic = EntasTopic.households.rawValue
        let doomed = try ServiceTestSupport.registeredEvent(4).encoded()
        let after = try ServiceTestSupport.registeredEvent(5).encoded()
        let attempts = Mutex(0)
        struct HandlerFailure: Error {}
        let harness = try await Harness.start(topic: topic) { envelope, db in
            if envelope.id == doomed.id {
                attempts.withLock { $0 += 1 }
                throw HandlerFailure()
            }
            try ServiceTestSupport.recordApplication(envelope.id, in: db)
        }
        try await harness.send(doomed)
        try await harness.send(after)
        try await eventually("the next event is applied") { try await harness.applications(after.id) == 1 }
        // Tried in its batch (when it arrived with others), then alone up to maximumAttempts times.
        let tries = attempts.withLock { $0 }
        let maximum = EventSubscription.Settings().maximumAttempts
        #expect(tries == maximum || tries == maximum + 1)
        #expect(try await harness.applications(doomed.id) == 0)
        let letters = try await ServiceTestSupport.readAll(harness.kafka, topics: [EntasTopic.deadLetter.rawValue], count: 1)
        #expect(letters.first?.stringHeaders[DeadLetter.reasonHeader] == DeadLetter.Reason.applyFailed)
        #expect(letters.first?.stringHeaders["ce_id"] == doomed.id.lowercaseText)
        await harness.stop()
    }
}
