import EntasDomain
import EntasKafka
import EntasStore
import Foundation
import GRDB
import Logging
import Metrics
import ServiceLifecycle

/// A service's subscription to Entas topics: consume → decode → apply once → mark processed.
///
/// Applying an event and recording its id in the inbox happen in one SQLite transaction, and
/// the offset is stored only after that transaction commits, so a redelivered event (after a
/// crash, a rebalance or a duplicate from the broker) changes nothing: effectively once.
///
/// A record that cannot be decoded or validated, that is too large, or whose handler keeps
/// failing after `maximumAttempts`, goes to `entas.dead-letter` with the reason in a header,
/// and the subscription moves on. A dead letter that cannot be published (broker down) is
/// retried; the offset does not move past a record that is neither applied nor dead-lettered.
public struct EventSubscription: Service {
    /// Applies one event to the service's store, inside the inbox transaction.
    public typealias Handler = @Sendable (EventEnvelope, Database) throws -> Void
    /// Applies the new events of one transaction, in their order, inside it: a handler that gathers
    /// work over several events (the coordinator's region tables) and does it once.
    public typealias BatchHandler = @Sendable ([EventEnvelope], Database) throws -> Void
    /// Whether the handler wants an event at all; one it does not want is marked processed
    /// with no transaction (no inbox row: nothing was applied).
    public typealias Filter = @Sendable (EventEnvelope) -> Bool

    /// A batch handler with work to do on each event before the writer gets it: `prepare` runs as the
    /// event is decoded, beside the batch being written (on the other core), and `apply` gets the new
    /// events of each transaction as `prepare` made them, in their order, inside it. The coordinator
    /// keys each household there, off its writer thread.
    public struct PreparedBatchHandler<Prepared: Sendable>: Sendable {
        public let prepare: @Sendable (EventEnvelope) -> Prepared
        public let apply: @Sendable ([Prepared], Database) throws -> Void

        public init(
            prepare: @escaping @Sendable (EventEnvelope) -> Prepared, apply: @escaping @Sendable ([Prepared], Database) throws -> Void
        ) {
            self.prepare = prepare
            self.apply = apply
        }
    }

    /// A ``PreparedBatchHandler`` of any type: what the subscription keeps.
    struct AnyBatchHandler: Sendable {
        let prepare: @Sendable (EventEnvelope) -> any Sendable
        let apply: @Sendable ([any Sendable], Database) throws -> Void

        init<Prepared>(_ handler: PreparedBatchHandler<Prepared>) {
            prepare = { handler.prepare($0) }
            // Every value came from this handler's `prepare`, so every cast succeeds.
            apply = { prepared, db in try handler.apply(prepared.compactMap { $0 as? Prepared }, db) }
        }
    }

    public struct Settings: Sendable {
        public var maximumAttempts = 3
        public var retryDelay: Duration = .milliseconds(200)
        /// Records larger than this are refused (the event contract allows 1 MiB).
        public var maximumValueBytes = 1 << 20
        /// Events already received are applied together, up to this many per transaction.
        public var maximumBatch = 256
        /// How far the consumer fetches ahead of the subscription (``KafkaConsumerSettings/readAheadKiB``): about
        /// one batch of Entas records (0.5–1 KiB each), at least 8 MiB. librdkafka's own default, 64 MiB, was
        /// most of the coordinator's heap at its peak (docs/performance.md).
        public var readAheadKiB: Int { max(8_192, maximumBatch) }
        /// Whether the memory freed by each batch is handed back to the system after it (``ProcessMemory/releaseFreed()``): for a
        /// subscription whose batches are large enough that what malloc keeps of them counts in the resident set.
        public var releasesFreedMemory = false
        /// The `ce_source` of the service's own events (a cluster service records them in its inbox as
        /// it writes them): records from it are not decoded unless the inbox lacks their id.
        public var ownSource: String?
        public init() {}
    }

    private let consumer: KafkaConsumer
    private let inbox: Inbox
    private let deadLetters: KafkaProducer
    private let handler: AnyBatchHandler
    private let accepts: Filter
    private let settings: Settings
    private let logger: Logger
    private let applied: Counter
    private let duplicates: Counter
    private let deadLettered: Counter
    /// Seconds the decoding stage worked (``MetricName/subscriptionDecodeSeconds``).
    private let decodeSeconds: FloatingPointCounter
    /// Seconds the writing stage worked (``MetricName/subscriptionWriteSeconds``).
    private let writeSeconds: FloatingPointCounter

    /// A subscription applying each event with `handler`.
    public init(
        consumer: KafkaConsumer, inbox: Inbox, deadLetters: KafkaProducer,
        settings: Settings = Settings(), logger: Logger, accepts: @escaping Filter = { _ in true }, handler: @escaping Handler
    ) {
        self.init(
            consumer: consumer, inbox: inbox, deadLetters: deadLetters, settings: settings, logger: logger, accepts: accepts,
            batchHandler: Self.each(handler))
    }

    /// A batch handler that applies each event with `handler`.
    public static func each(_ handler: @escaping Handler) -> BatchHandler {
        { envelopes, db in
            for envelope in envelopes { try handler(envelope, db) }
        }
    }

    /// A subscription applying the new events of each transaction together with `batchHandler`.
    public init(
        consumer: KafkaConsumer, inbox: Inbox, deadLetters: KafkaProducer,
        settings: Settings = Settings(), logger: Logger, accepts: @escaping Filter = { _ in true },
        batchHandler: @escaping BatchHandler
    ) {
        self.init(
            consumer: consumer, inbox: inbox, deadLetters: deadLetters, settings: settings, logger: logger, accepts: accepts,
            preparedHandler: PreparedBatchHandler(prepare: { $0 }, apply: batchHandler))
    }

    /// A subscription applying the new events of each transaction together with `preparedHandler`, each
    /// event prepared as it is decoded.
    public init<Prepared>(
        consumer: KafkaConsumer, inbox: Inbox, deadLetters: KafkaProducer,
        settings: Settings = Settings(), logger: Logger, accepts: @escaping Filter = { _ in true },
        preparedHandler: PreparedBatchHandler<Prepared>
    ) {
        self.accepts = accepts
        self.consumer = consumer
        self.inbox = inbox
        self.deadLetters = deadLetters
        self.handler = AnyBatchHandler(preparedHandler)
        self.settings = settings
        self.logger = logger
        let dimensions = [("group", consumer.settings.groupID)]
        applied = Counter(label: MetricName.eventsApplied.rawValue, dimensions: dimensions)
        duplicates = Counter(label: MetricName.eventsDuplicate.rawValue, dimensions: dimensions)
        deadLettered = Counter(label: MetricName.eventsDeadLettered.rawValue, dimensions: dimensions)
        decodeSeconds = FloatingPointCounter(label: MetricName.subscriptionDecodeSeconds.rawValue, dimensions: dimensions)
        writeSeconds = FloatingPointCounter(label: MetricName.subscriptionWriteSeconds.rawValue, dimensions: dimensions)
    }

    /// Where the subscription's group stands on each partition it owns (lag = high
    /// watermark − next offset to process), from what the consumer already knows: no broker
    /// call, so `/metrics` and `/v1/freshness` answer at once whatever the broker's fetch wait.
    public func positions() -> [PartitionPosition] {
        consumer.knownPositions()
    }

    /// The consumer group's id.
    public var groupID: String { consumer.settings.groupID }

    /// Consumes until shutdown in two stages that run side by side, so both cores work: one takes what has
    /// arrived (up to ``Settings/maximumBatch`` records) and decodes and validates it; the other writes each
    /// decoded batch (on the database's writer thread) and then stores its offsets. A batch's offsets are
    /// stored only after its transaction commits, and batches commit in the order they were consumed. At most
    /// ``batchesInFlight`` batches are between the stages (one written, the next decoded or waiting), so each
    /// stage goes at its own pace, never more than a batch ahead of the other. When nothing more has arrived,
    /// a batch is written as soon as the writer is free rather than held for the next.
    public func run() async throws {
        do {
            let (decoded, decodedOutput) = AsyncStream<DecodedBatch>.makeStream()
            // The writer hands a credit back for each batch it has written; the decoding stage takes one before
            // each batch it decodes.
            let (credits, creditOutput) = AsyncStream<Void>.makeStream()
            for _ in 0..<Self.batchesInFlight { creditOutput.yield() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    defer { decodedOutput.finish() }
                    var messages = consumer.messages.cancelOnGracefulShutdown().makeAsyncIterator()
                    var credit = credits.makeAsyncIterator()
                    while await credit.next() != nil, let first = try await messages.next() {
                        let start = ContinuousClock.now
                        let batch = decode(try gather(after: first))
                        decodeSeconds.increment(by: Self.seconds(since: start))
                        decodedOutput.yield(batch)
                    }
                }
                group.addTask {
                    defer { creditOutput.finish() }
                    for await batch in decoded {
                        let start = ContinuousClock.now
                        try await write(batch)
                        writeSeconds.increment(by: Self.seconds(since: start))
                        creditOutput.yield()
                    }
                }
                try await group.waitForAll()
            }
        } catch is CancellationError {
            // Hard cancellation: leave the group all the same.
        }
        await consumer.close()
        // A subscription never returns by itself while the group runs: wait for shutdown.
        if !Task.isShuttingDownGracefully && !Task.isCancelled { try? await gracefulShutdown() }
    }

    /// Batches decoded or being written at once: one written while the next is decoded.
    static let batchesInFlight = 2

    /// The seconds from `start` to now, for the stages' counters.
    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }

    /// `first` and what else has already arrived, up to `maximumBatch` records; no waiting.
    private func gather(after first: KafkaMessage?) throws -> [KafkaMessage] {
        var batch = first.map { [$0] } ?? []
        while batch.count < settings.maximumBatch, let more = try consumer.nextIfAvailable() {
            batch.append(more)
        }
        return batch
    }

    /// A consumed batch with its events decoded: `entries` is nil when a record is too large or
    /// undecodable, and the batch is then handled one record at a time.
    struct DecodedBatch: Sendable {
        let messages: [KafkaMessage]
        let entries: [Entry]?
    }

    /// One record of a decoded batch.
    enum Entry: Sendable {
        /// An event the handler wants, and what the handler's `prepare` made of it.
        case event(EventEnvelope, any Sendable)
        /// One of the service's own events come back (``Settings/ownSource``), not decoded: its id.
        case echo(UUID)
        /// An event the handler does not want.
        case unwanted
    }

    /// Decodes and validates every record of `batch`, keeping the events the handler wants. The
    /// service's own events are not decoded here: it recorded them in its inbox as it wrote them.
    func decode(_ batch: [KafkaMessage]) -> DecodedBatch {
        var entries: [Entry] = []
        entries.reserveCapacity(batch.count)
        for message in batch {
            if let echo = echoID(of: message) {
                entries.append(.echo(echo))
                continue
            }
            guard message.value.count <= settings.maximumValueBytes,
                let envelope = try? EventEnvelope.decode(headers: message.stringHeaders, value: message.value)
            else { return DecodedBatch(messages: batch, entries: nil) }
            entries.append(accepts(envelope) ? .event(envelope, handler.prepare(envelope)) : .unwanted)
        }
        return DecodedBatch(messages: batch, entries: entries)
    }

    /// The id of a record that is the service's own event (its `ce_source` is ``Settings/ownSource``).
    private func echoID(of message: KafkaMessage) -> UUID? {
        guard let own = settings.ownSource else { return nil }
        var source: Data?
        var id: Data?
        for header in message.headers {
            if header.name == EventHeader.source { source = header.value }
            if header.name == EventHeader.id { id = header.value }
        }
        guard let source, source.elementsEqual(own.utf8), let id else { return nil }
        return UUID.parse(String(decoding: id, as: UTF8.self))
    }

    /// The events of `batch` to apply, in order: an echo the inbox holds (the usual case) is a
    /// duplicate; one it lacks (a store restored from a backup older than the log) is decoded and
    /// applied like any event. Nil when such an echo cannot be decoded.
    private func events(of batch: DecodedBatch, entries: [Entry]) async throws -> (events: [(EventEnvelope, any Sendable)], echoes: Int)? {
        var echoIDs: [UUID] = []
        for case .echo(let id) in entries { echoIDs.append(id) }
        let recorded = echoIDs.isEmpty ? [] : try await inbox.recorded(among: echoIDs)
        var events: [(EventEnvelope, any Sendable)] = []
        events.reserveCapacity(entries.count)
        for (message, entry) in zip(batch.messages, entries) {
            switch entry {
            case .event(let envelope, let prepared): events.append((envelope, prepared))
            case .unwanted: break
            case .echo(let id) where recorded.contains(id): break
            case .echo:
                guard message.value.count <= settings.maximumValueBytes,
                    let envelope = try? EventEnvelope.decode(headers: message.stringHeaders, value: message.value)
                else { return nil }
                if accepts(envelope) { events.append((envelope, handler.prepare(envelope))) }
            }
        }
        return (events, recorded.count)
    }

    /// Applies a decoded batch: the events the handler wants in one transaction (each once, through
    /// the inbox), then every record is marked processed. A batch with a record that is too large or
    /// undecodable, or whose transaction fails, is handled one record at a time instead, so each gets
    /// its own retries and dead letter.
    private func write(_ batch: DecodedBatch) async throws {
        var resolved: (events: [(EventEnvelope, any Sendable)], echoes: Int)?
        if batch.messages.count > 1, let entries = batch.entries {
            do {
                resolved = try await events(of: batch, entries: entries)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                resolved = nil  // the inbox could not be read: one record at a time, each with its retries
            }
        }
        guard let (events, echoes) = resolved else {
            for message in batch.messages { try await process(message) }
            return
        }
        duplicates.increment(by: echoes)
        if !events.isEmpty {
            let handler = self.handler
            do {
                let outcomes = try await inbox.applyNew(events.map { ($0.0.id, $0.0.payload.eventType.ceType) }) { new, db in
                    try handler.apply(new.map { events[$0].1 }, db)
                }
                let appliedCount = outcomes.filter { $0 == .applied }.count
                applied.increment(by: appliedCount)
                duplicates.increment(by: outcomes.count - appliedCount)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                for message in batch.messages { try await process(message) }
                return
            }
        }
        for message in batch.messages { try consumer.markProcessed(message) }
        if settings.releasesFreedMemory { ProcessMemory.releaseFreed() }
    }

    /// Handles one record until it is applied, found a duplicate, or dead-lettered; then marks
    /// it processed.
    func process(_ message: KafkaMessage) async throws {
        if message.value.count > settings.maximumValueBytes {
            try await deadLetter(
                message, reason: DeadLetter.Reason.tooLarge,
                detail: "the value has \(message.value.count) bytes; the limit is \(settings.maximumValueBytes)")
        } else {
            switch Result(catching: { () throws(EventDecodingError) in try EventEnvelope.decode(headers: message.stringHeaders, value: message.value) }) {
            case .failure(let error):
                try await deadLetter(message, reason: error.code, detail: error.description)
            case .success(let envelope) where !accepts(envelope):
                break
            case .success(let envelope):
                try await apply(envelope, from: message)
            }
        }
        try consumer.markProcessed(message)
    }

    private func apply(_ envelope: EventEnvelope, from message: KafkaMessage) async throws {
        let metadata: Logger.Metadata = [
            EntasLogKey.eventID: "\(envelope.id)", EntasLogKey.eventType: "\(envelope.payload.eventType.ceType)",
        ]
        var attempt = 1
        while true {
            do {
                let prepared = handler.prepare(envelope)
                let outcome = try await inbox.applyOnce(eventID: envelope.id, eventType: envelope.payload.eventType.ceType) { db in
                    try handler.apply([prepared], db)
                }
                switch outcome {
                case .applied: applied.increment()
                case .duplicate:
                    duplicates.increment()
                    logger.debug("Duplicate event skipped", metadata: metadata)
                }
                return
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                guard attempt < settings.maximumAttempts else {
                    try await deadLetter(
                        message, reason: DeadLetter.Reason.applyFailed,
                        detail: "applying failed \(attempt) times; last error: \(error)")
                    return
                }
                logger.warning("Applying an event failed; retrying", metadata: metadata.merging([EntasLogKey.attempt: "\(attempt)", EntasLogKey.reason: "\(error)"]) { $1 })
                attempt += 1
                try await Task.sleep(for: settings.retryDelay * attempt)
            }
        }
    }

    private func deadLetter(_ message: KafkaMessage, reason: String, detail: String) async throws {
        let letter = DeadLetter.message(for: message, reason: reason, detail: detail, group: consumer.settings.groupID)
        var delay = settings.retryDelay
        while true {
            do {
                try await deadLetters.send(letter)
                deadLettered.increment()
                logger.warning(
                    "Event sent to the dead-letter topic",
                    metadata: [EntasLogKey.reason: "\(reason)", EntasLogKey.topic: "\(message.topic)", KafkaLogKey.offset: "\(message.offset)"])
                return
            } catch {
                logger.error("Dead letter could not be published; retrying", metadata: [EntasLogKey.reason: "\(error)"])
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }
}
