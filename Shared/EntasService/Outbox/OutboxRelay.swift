import EntasDomain
import EntasKafka
import EntasStore
import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// Publishes the outbox to Kafka: reads unsent rows in id order, sends them as one ordered
/// batch, and marks sent only the rows whose delivery the broker acknowledged. While a batch's
/// reports come back, the rows after it are read and handed over too (``Settings/batchesInFlight``);
/// after a batch with a failure, the batches after it are let finish and the relay backs off, then
/// starts again from the oldest unsent row.
///
/// While Kafka is unreachable the rows wait and the relay retries with exponential backoff;
/// after a restart it publishes whatever was left. A crash between a delivery and its
/// marking publishes that row again, which consumers' inboxes absorb (same event id).
///
/// Graceful shutdown lets the batch in flight finish (its reports are awaited) for at most
/// `shutdownGrace`, then stops; rows whose reports did not come stay unsent and are
/// published again after the restart (inboxes absorb any that did arrive). The producer,
/// stopped after the relay, flushes last.
public struct OutboxRelay: Service {
    public struct Settings: Sendable {
        /// Rows published together, their reports awaited together: larger batches spend less of
        /// each row's time waiting for the broker's round trip (docs/performance.md).
        public var batchSize = 4_000
        /// Batches handed to the producer before the oldest one's reports are in: while the broker
        /// acknowledges one batch, the next is on its way (docs/performance.md).
        public var batchesInFlight = 3
        /// How long to wait between looks when nothing wakes the relay.
        public var idleInterval: Duration = .seconds(1)
        public var minimumBackoff: Duration = .milliseconds(100)
        public var maximumBackoff: Duration = .seconds(5)
        /// How long a graceful shutdown waits for the batch in flight (a broker that is
        /// away would otherwise hold the shutdown for `message.timeout.ms`).
        public var shutdownGrace: Duration = .seconds(5)
        public init() {}
    }

    private let outbox: Outbox
    private let producer: KafkaProducer
    private let settings: Settings
    private let logger: Logger
    private let published = Counter(label: MetricName.outboxPublished.rawValue)
    private let failures = Counter(label: MetricName.outboxPublishFailures.rawValue)

    public init(outbox: Outbox, producer: KafkaProducer, settings: Settings = Settings(), logger: Logger) {
        self.outbox = outbox
        self.producer = producer
        self.settings = settings
        self.logger = logger
    }

    public func run() async throws {
        let signal = WakeSignal()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in outbox.pendingChanges() { signal.notify() }
            }
            defer { group.cancelAll() }
            try await relayLoop(signal: signal)
        }
    }

    private func relayLoop(signal: WakeSignal) async throws {
        var backoff = settings.minimumBackoff
        /// Batches handed to the producer whose reports are awaited, oldest first.
        var inFlight: [Batch] = []
        /// The last row handed to the producer: the next batch is read after it.
        var after: Int64 = 0
        /// The batch after the last one handed over, read (and made into records) while that one was handed
        /// over and the oldest was finished.
        var ahead: Prepared?
        defer {
            // Rows whose reports did not come stay unsent and are published again after the restart.
            if !inFlight.isEmpty { producer.abandonPendingDeliveries() }
        }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var failed = false
            do {
                if inFlight.count < settings.batchesInFlight {
                    let batch: Prepared
                    if let read = ahead {
                        batch = read
                        ahead = nil
                    } else {
                        batch = try await prepare(after: after)
                    }
                    if let last = batch.ids.last {
                        after = last
                        // A full batch has more behind it: the next one is read on another thread while this one
                        // is handed to the producer and the oldest finished.
                        async let following = batch.ids.count == settings.batchSize ? prepare(after: last) : nil
                        inFlight.append(Batch(ids: batch.ids, pending: await producer.enqueue(batch: batch.messages)))
                        if inFlight.count == settings.batchesInFlight || batch.ids.count < settings.batchSize {
                            failed = try await finishWithinShutdownGrace(inFlight.removeFirst()) > 0
                        }
                        ahead = try await following
                        if !failed { continue }
                    }
                }
                if !failed {
                    guard !inFlight.isEmpty else {
                        after = 0
                        await signal.wait(atMost: settings.idleInterval)
                        continue
                    }
                    failed = try await finishWithinShutdownGrace(inFlight.removeFirst()) > 0
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("Outbox could not be read or marked", metadata: [EntasLogKey.reason: "\(error)"])
                failed = true
            }
            guard failed else {
                backoff = settings.minimumBackoff
                continue
            }
            // The batches after a failed one are let finish (their acknowledged rows are marked), then the
            // relay starts again from the oldest unsent row.
            while !inFlight.isEmpty { _ = try? await finishWithinShutdownGrace(inFlight.removeFirst()) }
            after = 0
            ahead = nil
            let delay = backoff
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
            backoff = min(backoff * 2, settings.maximumBackoff)
        }
        // A graceful shutdown lets the batches in flight finish, within the grace.
        while !inFlight.isEmpty { _ = try? await finishWithinShutdownGrace(inFlight.removeFirst()) }
    }

    /// Unsent rows read and made into records, not yet handed to the producer: the rows' ids and their records.
    struct Prepared: Sendable {
        var ids: [Int64]
        var messages: [KafkaOutgoingMessage]
    }

    /// The next batch: up to ``Settings/batchSize`` unsent rows after row `after`, as records.
    private func prepare(after: Int64) async throws -> Prepared {
        let rows = try await outbox.unsentEvents(after: after, limit: settings.batchSize)
        return Prepared(ids: rows.map(\.id), messages: messages(rows))
    }

    /// Rows handed to the producer (their ids: all marking needs) and their pending deliveries.
    struct Batch: Sendable {
        var ids: [Int64]
        var pending: KafkaProducer.PendingDeliveries
    }

    /// The rows as Kafka records, headers in name order.
    private func messages(_ rows: [Outbox.UnsentEvent]) -> [KafkaOutgoingMessage] {
        rows.map { row in
            KafkaOutgoingMessage(
                topic: row.topic, key: row.key, headers: row.headers.map { KafkaHeader(name: $0.name, value: $0.value) }, value: row.value)
        }
    }

    /// `finish`, but once a graceful shutdown begins the reports are waited for at most `shutdownGrace`.
    /// - Returns: how many rows were not acknowledged.
    func finishWithinShutdownGrace(_ batch: Batch) async throws -> Int {
        try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask { try await finish(batch) }
            group.addTask {
                // Ends only by cancellation, once the batch has its outcome.
                try await gracefulShutdown()
                try await Task.sleep(for: settings.shutdownGrace)
                while true {
                    producer.abandonPendingDeliveries()
                    try await Task.sleep(for: .milliseconds(200))
                }
            }
            defer { group.cancelAll() }
            while let failed = try await group.next() {
                if let failed { return failed }
            }
            return 0
        }
    }

    /// Waits for a batch's reports and marks the acknowledged rows sent; a row not acknowledged keeps its
    /// error and waits.
    /// - Returns: how many rows were not acknowledged.
    func finish(_ batch: Batch) async throws -> Int {
        let results = await batch.pending.results()
        var sentIDs: [Int64] = []
        var firstError: KafkaError?
        var failedCount = 0
        for (id, result) in zip(batch.ids, results) {
            switch result {
            case .success: sentIDs.append(id)
            case .failure(let error):
                failedCount += 1
                if firstError == nil { firstError = error }
                try await outbox.recordFailure(id, error: error.description)
            }
        }
        try await outbox.markSent(sentIDs, at: Date())
        published.increment(by: sentIDs.count)
        if let firstError {
            failures.increment(by: failedCount)
            logger.warning(
                "Outbox rows not acknowledged; they wait and will be retried",
                metadata: [EntasLogKey.count: "\(failedCount)", EntasLogKey.reason: "\(firstError.description)"])
        }
        return failedCount
    }
}
