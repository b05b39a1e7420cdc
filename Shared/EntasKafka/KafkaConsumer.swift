import CRdKafka
import Foundation
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
public final class KafkaConsumer: Sendable {
    private enum State { case open, closing, closed }

    let client: RdKafkaClient
    private let worker: BlockingWorker
    private let state = Mutex(State.open)
    private let logger: Logger
    public let settings: KafkaConsumerSettings

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
        let client = try RdKafkaClient(
            kind: .consumer,
            properties: settings.kafka.librdkafkaProperties(defaults: defaults),
            context: ClientContext(logger: logger)
        )
        rd_kafka_poll_set_consumer(client.handle)
        guard let list = rd_kafka_topic_partition_list_new(Int32(clamping: settings.topics.count)) else {
            throw KafkaError(.subscribe, message: "could not allocate the subscription list")
        }
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for topic in settings.topics { rd_kafka_topic_partition_list_add(list, topic, RD_KAFKA_PARTITION_UA) }
        let code = rd_kafka_subscribe(client.handle, list)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(.subscribe, code: code) }
        self.client = client
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
            guard state.withLock({ $0 == .open }), !Task.isCancelled else { return nil }
            let outcome: PollOutcome
            if let immediate = poll(timeoutMilliseconds: 0) {
                outcome = immediate
            } else {
                outcome = await worker.run { [self] in self.poll(timeoutMilliseconds: 100) ?? .nothing }
            }
            switch outcome {
            case .message(let message): return message
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
        guard state.withLock({ $0 == .open }) else { return nil }
        switch poll(timeoutMilliseconds: 0) {
        case .message(let message): return message
        case .failure(let error) where error.isFatal: throw error
        case .failure, .nothing, nil: return nil
        }
    }

    private enum PollOutcome: Sendable {
        case message(KafkaMessage)
        case failure(KafkaError)
        case nothing
    }

    private func poll(timeoutMilliseconds: Int32) -> PollOutcome? {
        guard state.withLock({ $0 == .open }) else { return .nothing }
        guard let raw = rd_kafka_consumer_poll(client.handle, timeoutMilliseconds) else { return nil }
        defer { rd_kafka_message_destroy(raw) }
        let message = raw.pointee
        guard message.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            if message.err == RD_KAFKA_RESP_ERR__PARTITION_EOF { return .nothing }
            let fatal = message.err == RD_KAFKA_RESP_ERR__FATAL
            return .failure(client.fatalError(.consume) ?? KafkaError(.consume, code: message.err, isFatal: fatal))
        }
        return .message(KafkaMessage(raw))
    }

    /// Marks a message processed: its offset + 1 is stored and will be committed. Call it
    /// only after the message's effect is durable.
    ///
    /// A message whose partition was revoked meanwhile cannot be marked; its new owner will
    /// see it again, which the inbox makes harmless.
    public func markProcessed(_ message: KafkaMessage) throws(KafkaError) {
        guard let list = rd_kafka_topic_partition_list_new(1) else {
            throw KafkaError(.storeOffset, message: "could not allocate an offset list")
        }
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let entry = rd_kafka_topic_partition_list_add(list, message.topic, message.partition)
        entry?.pointee.offset = message.offset + 1
        let code = rd_kafka_offsets_store(client.handle, list)
        if code == RD_KAFKA_RESP_ERR__STATE || entry?.pointee.err == RD_KAFKA_RESP_ERR__STATE {
            logger.debug("Offset not stored: partition no longer assigned", metadata: [KafkaLogKey.partition: "\(message.partition)"])
            return
        }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(.storeOffset, code: code) }
    }

    /// Commits the stored offsets now and waits for the broker's answer.
    public func commit() async throws(KafkaError) {
        let client = self.client
        let code = await worker.run { rd_kafka_commit(client.handle, nil, 0) }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR || code == RD_KAFKA_RESP_ERR__NO_OFFSET else {
            throw KafkaError(.commit, code: code)
        }
    }

    /// Commits `offsets` (the next offset to read, per partition) for the group now and waits
    /// for the broker's answer, whatever was marked processed: moving a group, such as a reset
    /// to the start that redelivers everything. Make the member own the partitions first (on
    /// a real cluster, `kafka-consumer-groups.sh --reset-offsets` does the same for a stopped group).
    public func commit(_ offsets: [TopicPartition: Int64]) async throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        let client = self.client
        let code = await worker.run { () -> rd_kafka_resp_err_t in
            guard let list = rd_kafka_topic_partition_list_new(Int32(clamping: offsets.count)) else { return RD_KAFKA_RESP_ERR__INVALID_ARG }
            defer { rd_kafka_topic_partition_list_destroy(list) }
            for (partition, offset) in offsets {
                rd_kafka_topic_partition_list_add(list, partition.topic, partition.partition)?.pointee.offset = offset
            }
            return rd_kafka_commit(client.handle, list, 0)
        }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(.commit, code: code) }
    }

    /// The partitions this member owns now.
    public func assignment() -> [TopicPartition] {
        var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        guard rd_kafka_assignment(client.handle, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return [] }
        defer { rd_kafka_topic_partition_list_destroy(list) }
        return UnsafeBufferPointer(start: list.pointee.elems, count: Int(list.pointee.cnt)).map {
            TopicPartition(topic: String(cString: $0.topic), partition: $0.partition)
        }
    }

    /// For each owned partition: the committed offset and the high watermark, so lag is
    /// `highWatermark - committed`. Blocking broker calls run on the consumer's thread.
    public func positions(timeout: Duration = .seconds(5)) async throws(KafkaError) -> [PartitionPosition] {
        let partitions = assignment()
        guard !partitions.isEmpty else { return [] }
        let client = self.client
        let milliseconds = timeout.kafkaMilliseconds
        let result: Result<[PartitionPosition], KafkaError> = await worker.run {
            guard let list = rd_kafka_topic_partition_list_new(Int32(clamping: partitions.count)) else {
                return .failure(KafkaError(.consume, message: "could not allocate a partition list"))
            }
            defer { rd_kafka_topic_partition_list_destroy(list) }
            for partition in partitions { rd_kafka_topic_partition_list_add(list, partition.topic, partition.partition) }
            let code = rd_kafka_committed(client.handle, list, milliseconds)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { return .failure(KafkaError(.consume, code: code)) }
            var positions: [PartitionPosition] = []
            for element in UnsafeBufferPointer(start: list.pointee.elems, count: Int(list.pointee.cnt)) {
                var low: Int64 = 0
                var high: Int64 = 0
                let topic = String(cString: element.topic)
                let code = rd_kafka_query_watermark_offsets(client.handle, topic, element.partition, &low, &high, milliseconds)
                guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { return .failure(KafkaError(.consume, code: code)) }
                positions.append(
                    PartitionPosition(
                        topic: topic, partition: element.partition,
                        committed: element.offset >= 0 ? element.offset : nil, lowWatermark: low, highWatermark: high))
            }
            return .success(positions)
        }
        return try result.get()
    }

    /// Commits what was marked processed and leaves the group, so its partitions move to
    /// the other members at once instead of after `session.timeout.ms`. Safe to call twice.
    public func close() async {
        let first = state.withLock { state in
            guard state == .open else { return false }
            state = .closing
            return true
        }
        guard first else { return }
        let client = self.client
        let code = await worker.run { rd_kafka_consumer_close(client.handle) }
        if code != RD_KAFKA_RESP_ERR_NO_ERROR {
            logger.warning("Kafka consumer close reported an error", metadata: [KafkaLogKey.errorName: "\(String(cString: rd_kafka_err2name(code)))"])
        }
        state.withLock { $0 = .closed }
        worker.stop()
    }
}

/// The messages of a `KafkaConsumer`.
public struct KafkaMessages: AsyncSequence, Sendable {
    public typealias Element = KafkaMessage
    let consumer: KafkaConsumer

    public struct AsyncIterator: AsyncIteratorProtocol {
        let consumer: KafkaConsumer
        public mutating func next() async throws -> KafkaMessage? { try await consumer.nextMessage() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(consumer: consumer) }
}

/// A topic's partition.
public struct TopicPartition: Sendable, Hashable {
    public var topic: String
    public var partition: Int32

    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }
}

/// Where a group stands on one partition.
public struct PartitionPosition: Sendable, Hashable {
    public var topic: String
    public var partition: Int32
    /// The next offset the group will read, or nil before its first commit.
    public var committed: Int64?
    public var lowWatermark: Int64
    public var highWatermark: Int64
    /// Messages not yet processed by the group.
    public var lag: Int64 { highWatermark - (committed ?? lowWatermark) }
}

extension KafkaMessage {
    /// Copies a librdkafka message. `pointer` must be the one librdkafka handed out: the
    /// header and timestamp calls find their record from that address.
    init(_ pointer: UnsafeMutablePointer<rd_kafka_message_t>) {
        let raw = pointer.pointee
        topic = raw.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        partition = raw.partition
        offset = raw.offset
        key = raw.key.map { Data(bytes: $0, count: raw.key_len) }
        value = raw.payload.map { Data(bytes: $0, count: raw.len) } ?? Data()
        var type = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let milliseconds = rd_kafka_message_timestamp(pointer, &type)
        timestamp = milliseconds >= 0 ? Date(timeIntervalSince1970: Double(milliseconds) / 1000) : nil
        headers = []
        var headerList: OpaquePointer?
        if rd_kafka_message_headers(pointer, &headerList) == RD_KAFKA_RESP_ERR_NO_ERROR, let headerList {
            var index = 0
            var name: UnsafePointer<CChar>?
            var value: UnsafeRawPointer?
            var size = 0
            while rd_kafka_header_get_all(headerList, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
                if let name {
                    headers.append(KafkaHeader(name: String(cString: name), value: value.map { Data(bytes: $0, count: size) }))
                }
                index += 1
            }
        }
    }
}
