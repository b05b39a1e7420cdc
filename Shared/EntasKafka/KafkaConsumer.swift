import Logging
import Synchronization

/// A member of a consumer group: its messages arrive through `messages`, an `AsyncSequence`
/// that polls librdkafka on each `next()`, with no Swift-side buffer (so a partition revoked
/// in a rebalance delivers nothing more).
///
/// At-least-once: librdkafka stores no offset by itself (`enable.auto.offset.store=false`).
/// The caller marks a message processed with `markProcessed(_:)` after its work is durable;
/// only those offsets are committed, on librdkafka's timer, on `commit()`, on revocation and
/// on `close()`. Rebalances are handled by librdkafka's default assignor callback.
///
/// Its life is a ``StateMachine`` behind a lock; every librdkafka call goes through its
/// `RdKafkaClient`.
public final class KafkaConsumer: Sendable {
    private let stateMachine: Mutex<StateMachine>
    /// The next offset to commit of each partition, as `markProcessed` and `commit(_:)` last set it; before
    /// the first mark, the offset of the first message handed out (what is handed out and not marked is
    /// unprocessed: ``knownPositions()`` counts it in the lag). Bookkeeping only: librdkafka commits what
    /// `markProcessed` stores.
    private let processed = Mutex<[TopicPartition: Int64]>([:])
    private let worker: BlockingWorker
    private let logger: Logger
    public let settings: KafkaConsumerSettings

    /// The librdkafka client (the same one for the consumer's whole life).
    var client: RdKafkaClient { stateMachine.withLock { $0.client } }

    /// The properties Entas sets on every consumer before the caller's own.
    public static let defaultProperties: [String: String] = [
        "enable.auto.commit": "true",
        "enable.auto.offset.store": "false",
        "auto.commit.interval.ms": "1000",
        "enable.partition.eof": "false",
    ]

    public init(settings: KafkaConsumerSettings, logger: Logger) throws(KafkaError) {
        var logger = logger
        logger[metadataKey: KafkaLogKey.groupID] = "\(settings.groupID)"
        var defaults = Self.defaultProperties
        defaults["group.id"] = settings.groupID
        defaults["auto.offset.reset"] = settings.startFrom.rawValue
        if let readAhead = settings.readAheadKiB { defaults["queued.max.messages.kbytes"] = String(readAhead) }
        let client = try RdKafkaClient(
            kind: .consumer,
            properties: settings.kafka.librdkafkaProperties(defaults: defaults, for: .consumer),
            context: ClientContext(logger: logger)
        )
        try client.subscribe(to: settings.topics)
        self.stateMachine = Mutex(StateMachine(client: client))
        self.worker = BlockingWorker(name: "entas-kafka-consumer")
        self.logger = logger
        self.settings = settings
    }

    deinit {
        worker.stop()
    }

    /// The group's messages, in partition order. Ends when the consumer closes or the
    /// iterating task is cancelled; throws on a fatal client error.
    public var messages: KafkaMessages { KafkaMessages(consumer: self) }

    /// Polls for one message: first without waiting, then for up to 100 ms on the consumer's
    /// own thread, until a message arrives, the consumer closes or the task is cancelled.
    func nextMessage() async throws -> KafkaMessage? {
        while true {
            guard case .poll = stateMachine.withLock({ $0.pollAllowed() }), !Task.isCancelled else { return nil }
            let outcome: RdKafkaClient.ConsumerPollResult
            if let immediate = poll(timeout: .zero) {
                outcome = immediate
            } else {
                outcome = await worker.run { [self] in self.poll(timeout: .milliseconds(100)) ?? .nothing }
            }
            switch outcome {
            case .message(let message): return handedOut(message)
            case .nothing: continue
            case .failure(let error):
                if error.isFatal { throw error }
                logger.warning("Kafka consumer error, continuing", metadata: [KafkaLogKey.errorName: "\(error.name)"])
            }
        }
    }

    /// The next message if librdkafka already has one, without waiting (nil otherwise).
    /// Lets a caller take a batch of what has arrived after a blocking `next()`.
    public func nextIfAvailable() throws(KafkaError) -> KafkaMessage? {
        guard case .poll = stateMachine.withLock({ $0.pollAllowed() }) else { return nil }
        switch poll(timeout: .zero) {
        case .message(let message): return handedOut(message)
        case .failure(let error) where error.isFatal: throw error
        case .failure, .nothing, nil: return nil
        }
    }

    /// `message`, noted as handed out: the first of its partition before any mark sets where the partition's
    /// unprocessed messages start.
    private func handedOut(_ message: KafkaMessage) -> KafkaMessage {
        let partition = TopicPartition(topic: message.topic, partition: message.partition)
        processed.withLock { processed in
            if processed[partition] == nil { processed[partition] = message.offset }
        }
        return message
    }

    /// One poll of the client while the consumer is open (nothing once it closes); nil when no
    /// message came within `timeout`.
    private func poll(timeout: Duration) -> RdKafkaClient.ConsumerPollResult? {
        guard case .poll(let client) = stateMachine.withLock({ $0.pollAllowed() }) else { return .nothing }
        return client.consumerPoll(timeout: timeout)
    }

    /// Marks a message processed: its offset + 1 is stored and will be committed. Call it
    /// only after the message's effect is durable.
    ///
    /// A message whose partition was revoked meanwhile cannot be marked; its new owner will
    /// see it again, which the inbox makes harmless.
    public func markProcessed(_ message: KafkaMessage) throws(KafkaError) {
        let stored = try client.storeOffset(message.offset + 1, topic: message.topic, partition: message.partition)
        if stored {
            processed.withLock { $0[TopicPartition(topic: message.topic, partition: message.partition)] = message.offset + 1 }
        } else {
            logger.debug("Offset not stored: partition no longer assigned", metadata: [KafkaLogKey.partition: "\(message.partition)"])
        }
    }

    /// Commits the stored offsets now and waits for the broker's answer.
    public func commit() async throws(KafkaError) {
        let client = self.client
        let result: Result<Void, KafkaError> = await worker.run {
            Result { () throws(KafkaError) in try client.commitStoredOffsets() }
        }
        try result.get()
    }

    /// Commits `offsets` (the next offset to read, per partition) for the group now and waits
    /// for the broker's answer, whatever was marked processed: moving a group, such as a reset
    /// to the start that redelivers everything. Make the member own the partitions first (on
    /// a real cluster, `kafka-consumer-groups.sh --reset-offsets` does the same for a stopped group).
    public func commit(_ offsets: [TopicPartition: Int64]) async throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        let client = self.client
        let result: Result<Void, KafkaError> = await worker.run {
            Result { () throws(KafkaError) in try client.commit(offsets) }
        }
        try result.get()
        processed.withLock { $0.merge(offsets) { $1 } }
    }

    /// The partitions this member owns now.
    public func assignment() -> [TopicPartition] {
        client.assignment()
    }

    /// For each owned partition: the committed offset and the high watermark, so lag is
    /// `highWatermark - committed`. Blocking broker calls run on the consumer's thread.
    public func positions(timeout: Duration = .seconds(5)) async throws(KafkaError) -> [PartitionPosition] {
        let partitions = assignment()
        guard !partitions.isEmpty else { return [] }
        let client = self.client
        let result: Result<[PartitionPosition], KafkaError> = await worker.run {
            Result { () throws(KafkaError) in try client.positions(of: partitions, timeout: timeout) }
        }
        return try result.get()
    }

    /// Where the group stands on each owned partition, from what this consumer already knows,
    /// without asking a broker, so it never waits behind a fetch long-poll (`/metrics` and
    /// `/v1/freshness` call it on every request): the high watermark of the last fetch response,
    /// and as `committed` the next offset marked processed (before the first mark since the
    /// partition was assigned, the offset of the first message handed out, so a message handed out
    /// and not yet marked counts in the lag; before that, the fetch position). A partition not
    /// fetched from yet is left out.
    public func knownPositions() -> [PartitionPosition] {
        let partitions = assignment()
        guard !partitions.isEmpty else { return [] }
        let known = client.knownOffsets(of: partitions)
        // A partition revoked and assigned again starts from the group's commit, not this member's old mark.
        let processed = self.processed.withLock { processed in
            processed = processed.filter { known[$0.key] != nil }
            return processed
        }
        return partitions.compactMap { partition in
            guard let offsets = known[partition], let high = offsets.highWatermark else { return nil }
            let committed = processed[partition] ?? offsets.position
            return PartitionPosition(
                topic: partition.topic, partition: partition.partition, committed: committed,
                lowWatermark: min(committed ?? high, high), highWatermark: high)
        }
    }

    /// Commits what was marked processed and leaves the group, so its partitions move to
    /// the other members at once instead of after `session.timeout.ms`. Safe to call twice.
    public func close() async {
        guard case .leaveGroup(let client) = stateMachine.withLock({ $0.close() }) else { return }
        if let error = await worker.run({ client.closeConsumer() }) {
            logger.warning("Kafka consumer close reported an error", metadata: [KafkaLogKey.errorName: "\(error.name)"])
        }
        stateMachine.withLock { $0.leftGroup() }
        worker.stop()
    }
}
