import Logging
import ServiceLifecycle
import Synchronization

/// Sends records to Kafka and returns once the broker has acknowledged each one.
///
/// Idempotent by default (`enable.idempotence=true`, `acks=all`): retries inside librdkafka
/// never reorder or duplicate a partition's records on a real broker. Delivery reports are
/// served by a thread of the producer's own, which polls librdkafka continuously (no sleep
/// timer, so a report is handed back as soon as it arrives).
///
/// As a `Service`, it runs until graceful shutdown, then flushes what is queued for at most
/// `flushTimeout` and fails the callers still waiting.
///
/// A fatal error (librdkafka's `_FATAL`: the idempotent producer can no longer guarantee order
/// or exactly-once) makes the client unusable. The producer then fails what was waiting on the
/// old client, creates a new one with the same properties and goes on; the callers' records
/// stay where they came from (the outbox) and are sent again. ``health`` tells how often.
///
/// Its life is a ``StateMachine`` behind a lock; every librdkafka call goes through the
/// `RdKafkaClient` the machine hands out.
public final class KafkaProducer: Service, Sendable {
    private let stateMachine: Mutex<StateMachine>
    private let properties: [String: String]
    private let deliveries: DeliveryTable
    private let worker: BlockingWorker
    private let flushTimeout: Duration
    private let logger: Logger

    /// The current librdkafka client: replaced after a fatal error.
    var client: RdKafkaClient { stateMachine.withLock { $0.client } }

    /// The properties Entas sets on every producer before the caller's own.
    public static let defaultProperties: [String: String] = [
        "enable.idempotence": "true",
        "acks": "all",
        "linger.ms": "5",
    ]

    public init(settings: KafkaSettings, flushTimeout: Duration = .seconds(10), logger: Logger) throws(KafkaError) {
        let deliveries = DeliveryTable()
        self.deliveries = deliveries
        let properties = settings.librdkafkaProperties(defaults: Self.defaultProperties, for: .producer)
        self.properties = properties
        let client = try RdKafkaClient(kind: .producer, properties: properties, context: ClientContext(logger: logger, deliveries: deliveries))
        self.stateMachine = Mutex(StateMachine(client: client))
        self.worker = BlockingWorker(name: "entas-kafka-producer")
        self.flushTimeout = flushTimeout
        self.logger = logger
        startPolling()
    }

    deinit {
        worker.stop()
    }

    /// Serves delivery reports on the worker until shutdown begins or the producer goes.
    private func startPolling() {
        worker.submit { [weak self] in
            while let action = self?.stateMachine.withLock({ $0.poll() }), case .poll(let client) = action {
                client.poll(timeout: .milliseconds(100))
            }
        }
    }

    /// Sends one record and waits for its delivery report.
    ///
    /// A full local queue is back-pressure: `send` waits for room and tries again.
    /// - Throws: `KafkaError` with the broker's or client's error, or when the producer is
    ///   shutting down.
    @discardableResult
    public func send(_ message: KafkaOutgoingMessage) async throws(KafkaError) -> DeliveryReport {
        guard let result = await send(batch: [message]).first else {
            throw KafkaError(.produce, message: "no delivery result")
        }
        return try result.get()
    }

    /// Sends records in the given order (so records of one key keep their order) and waits
    /// for every delivery report. Results come back in the same order as the records.
    ///
    /// A full local queue is back-pressure: the batch waits for room, then goes on. Records
    /// not handed to librdkafka (shutdown or cancellation) fail without being sent.
    public func send(batch messages: [KafkaOutgoingMessage]) async -> [Result<DeliveryReport, KafkaError>] {
        await enqueue(batch: messages).results()
    }

    /// The deliveries of a batch handed to librdkafka, whose reports may still be coming.
    public struct PendingDeliveries: Sendable {
        fileprivate let batch: DeliveryBatch
        fileprivate let producer: KafkaProducer

        /// Waits for every record's delivery report; results in the order of the records.
        public func results() async -> [Result<DeliveryReport, KafkaError>] {
            let results = await batch.results()
            if results.contains(where: KafkaProducer.isFatal) { producer.restartAfterFatalError() }
            return results
        }
    }

    /// Hands `messages` to librdkafka in order and returns without waiting for their reports, so a caller
    /// can hand over the next batch while the broker acknowledges this one (records of one key keep their
    /// order: the producer is idempotent). Back-pressure and shutdown as in ``send(batch:)``.
    public func enqueue(batch messages: [KafkaOutgoingMessage]) async -> PendingDeliveries {
        let batch = DeliveryBatch(count: messages.count)
        let pending = PendingDeliveries(batch: batch, producer: self)
        guard !messages.isEmpty else { return pending }
        var arena = RdKafkaClient.CArena()
        defer { arena.free() }
        var index = 0
        while index < messages.count {
            guard case .produce(let client) = stateMachine.withLock({ $0.send() }) else {
                let error = KafkaError(.produce, message: "the producer is shutting down; the record was not sent")
                for unsent in index..<messages.count { batch.complete(unsent, with: .failure(error)) }
                break
            }
            let id = deliveries.register(batch, index: index)
            guard let error = client.produce(messages[index], opaque: id, arena: &arena) else {
                index += 1
                continue
            }
            guard error.isQueueFull, !Task.isCancelled else {
                deliveries.complete(id, with: .failure(error))
                index += 1
                continue
            }
            // Back-pressure: take the registration back, wait for reports to drain, retry.
            deliveries.withdraw(id)
            try? await Task.sleep(for: .milliseconds(2))
        }
        return pending
    }

    private static func isFatal(_ result: Result<DeliveryReport, KafkaError>) -> Bool {
        guard case .failure(let error) = result else { return false }
        return error.isFatalForClient
    }

    /// After a fatal error: fails what still waits on the old client, then replaces it with a new
    /// one of the same properties. The old client is destroyed once the poll thread lets it go.
    private func restartAfterFatalError() {
        guard case .inspect(let old) = stateMachine.withLock({ $0.fatalErrorSuspected() }),
            let fatal = old.fatalError(.produce)
        else { return }
        logger.critical("Kafka producer hit a fatal error; recreating its client", metadata: [KafkaLogKey.errorName: "\(fatal.name)"])
        deliveries.failAll(with: fatal)
        do {
            let replacement = try RdKafkaClient(kind: .producer, properties: properties, context: old.context)
            _ = stateMachine.withLock { $0.replace(old, with: replacement, after: fatal) }
        } catch {
            stateMachine.withLock { $0.restartFailed(after: fatal, error: error) }
            logger.critical("Kafka producer could not recreate its client", metadata: [KafkaLogKey.errorName: "\(error.name)"])
        }
    }

    /// Whether the producer has had to recreate its client, and whether it could.
    public var health: ProducerHealth { stateMachine.withLock { $0.health } }

    /// Makes librdkafka raise a fatal error on the current client, as a broken idempotence
    /// sequence would (for tests: there is no other way to cause one on purpose).
    package func raiseFatalErrorForTesting() {
        client.raiseFatalErrorForTesting()
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    /// Stops waiting for the reports of records already handed to librdkafka: every `send`
    /// still waiting returns them as failures now. For a graceful shutdown while the broker
    /// is away, so it does not wait out `message.timeout.ms`. A record given up on may still
    /// be delivered; whoever sent it must tolerate sending it again.
    public func abandonPendingDeliveries() {
        deliveries.failAll(with: KafkaError(.shutdown, message: "stopped waiting for the broker's acknowledgement at shutdown"))
    }

    /// Stops taking records, flushes what is queued (at most `flushTimeout`), fails the
    /// callers still waiting, and stops the poll thread. Safe to call more than once.
    public func shutdown() async {
        guard case .flush(let client) = stateMachine.withLock({ $0.shutdown() }) else { return }
        // The poll loop sees the new state and ends; the flush runs after it on the worker.
        let flushTimeout = self.flushTimeout
        let flushed = await worker.run { client.flush(timeout: flushTimeout) }
        if !flushed {
            logger.warning("Kafka producer closed with records still unacknowledged", metadata: ["kafka.unacknowledged": "\(client.outgoingQueueLength)"])
        }
        deliveries.failAll(with: KafkaError(.shutdown, message: "the producer shut down before the broker acknowledged the record"))
        worker.stop()
        stateMachine.withLock { $0.flushed() }
    }
}
