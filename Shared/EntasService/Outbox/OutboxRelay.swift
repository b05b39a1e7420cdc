import EntasDomain
import EntasKafka
import EntasStore
import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// Publishes the outbox to Kafka: reads unsent rows in id order, sends them as one ordered
/// batch, and marks sent only the rows whose delivery the broker acknowledged.
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
        public var batchSize = 2_000
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
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let outcome: BatchOutcome
            do {
                outcome = try await publishBatchWithinShutdownGrace()
            } catch is CancellationError {
                return
            } catch {
                logger.error("Outbox could not be read or marked", metadata: [EntasLogKey.reason: "\(error)"])
                outcome = BatchOutcome(sent: 0, failed: 1)
            }
            if outcome.failed > 0 {
                let delay = backoff
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
                backoff = min(backoff * 2, settings.maximumBackoff)
                continue
            }
            backoff = settings.minimumBackoff
            if outcome.sent == settings.batchSize { continue }
            await signal.wait(atMost: settings.idleInterval)
        }
    }

    struct BatchOutcome {
        var sent: Int
        var failed: Int
    }

    /// `publishBatch`, but once a graceful shutdown begins its reports are waited for at most
    /// `shutdownGrace`.
    func publishBatchWithinShutdownGrace() async throws -> BatchOutcome {
        try await withThrowingTaskGroup(of: BatchOutcome?.self) { group in
            group.addTask { try await publishBatch() }
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
            while let outcome = try await group.next() {
                if let outcome { return outcome }
            }
            return BatchOutcome(sent: 0, failed: 0)
        }
    }

    /// Publishes one batch of unsent rows; marks the acknowledged ones sent.
    func publishBatch() async throws -> BatchOutcome {
        let rows = try await outbox.unsentEvents(limit: settings.batchSize)
        guard !rows.isEmpty else { return BatchOutcome(sent: 0, failed: 0) }
        let messages = rows.map { row in
            let event = row.event
            return KafkaOutgoingMessage(
                topic: event.topic, key: event.key,
                headers: event.headers.sorted { $0.key < $1.key }.map { KafkaHeader(name: $0.key, string: $0.value) },
                value: event.value)
        }
        let results = await producer.send(batch: messages)
        var sentIDs: [Int64] = []
        var firstError: KafkaError?
        var failedCount = 0
        for (row, result) in zip(rows, results) {
            switch result {
            case .success: sentIDs.append(row.id)
            case .failure(let error):
                failedCount += 1
                if firstError == nil { firstError = error }
                try await outbox.recordFailure(row.id, error: error.description)
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
        return BatchOutcome(sent: sentIDs.count, failed: failedCount)
    }
}
