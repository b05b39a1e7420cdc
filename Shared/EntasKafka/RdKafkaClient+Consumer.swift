import CRdKafka

/// The consumer's calls: joining the group, polling, storing and committing offsets, leaving.
extension RdKafkaClient {
    /// What one consumer poll brought.
    enum ConsumerPollResult: Sendable {
        case message(KafkaMessage)
        case failure(KafkaError)
        case nothing
    }

    /// Routes the handle's events to the consumer queue and subscribes to `topics`; librdkafka's
    /// default assignor handles rebalances.
    func subscribe(to topics: [String]) throws(KafkaError) {
        rd_kafka_poll_set_consumer(handle)
        let list = try Self.partitionList(capacity: topics.count, .subscribe)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for topic in topics { rd_kafka_topic_partition_list_add(list, topic, RD_KAFKA_PARTITION_UA) }
        try Self.check(rd_kafka_subscribe(handle, list), .subscribe)
    }

    /// Waits up to `timeout` for a message (blocking unless `timeout` is zero); nil when none came.
    /// An end-of-partition event counts as nothing; a `_FATAL` error carries the client's fatal error.
    func consumerPoll(timeout: Duration) -> ConsumerPollResult? {
        guard let raw = rd_kafka_consumer_poll(handle, timeout.kafkaMilliseconds) else { return nil }
        defer { rd_kafka_message_destroy(raw) }
        let message = raw.pointee
        guard message.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            if message.err == RD_KAFKA_RESP_ERR__PARTITION_EOF { return .nothing }
            let fatal = message.err == RD_KAFKA_RESP_ERR__FATAL
            return .failure(fatalError(.consume) ?? Self.error(.consume, code: message.err, isFatal: fatal))
        }
        return .message(Self.copyMessage(raw))
    }

    /// Stores `offset` as the partition's next offset to commit. False when the partition is no
    /// longer assigned to this member (nothing stored; its new owner will see the message again).
    func storeOffset(_ offset: Int64, topic: String, partition: Int32) throws(KafkaError) -> Bool {
        let list = try Self.partitionList(capacity: 1, .storeOffset)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let entry = rd_kafka_topic_partition_list_add(list, topic, partition)
        entry?.pointee.offset = offset
        let code = rd_kafka_offsets_store(handle, list)
        if code == RD_KAFKA_RESP_ERR__STATE || entry?.pointee.err == RD_KAFKA_RESP_ERR__STATE { return false }
        try Self.check(code, .storeOffset)
        return true
    }

    /// Commits the stored offsets and waits for the broker (blocking: call on a worker).
    /// Having nothing to commit is success.
    func commitStoredOffsets() throws(KafkaError) {
        let code = rd_kafka_commit(handle, nil, 0)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR || code == RD_KAFKA_RESP_ERR__NO_OFFSET else {
            throw Self.error(.commit, code: code)
        }
    }

    /// Commits the given next offsets, whatever was stored, and waits for the broker
    /// (blocking: call on a worker).
    func commit(_ offsets: [TopicPartition: Int64]) throws(KafkaError) {
        let list = try Self.partitionList(capacity: offsets.count, .commit)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for (partition, offset) in offsets {
            rd_kafka_topic_partition_list_add(list, partition.topic, partition.partition)?.pointee.offset = offset
        }
        try Self.check(rd_kafka_commit(handle, list, 0), .commit)
    }

    /// The partitions this member owns now (none when librdkafka cannot say).
    func assignment() -> [TopicPartition] {
        var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        guard rd_kafka_assignment(handle, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return [] }
        defer { rd_kafka_topic_partition_list_destroy(list) }
        return UnsafeBufferPointer(start: list.pointee.elems, count: Int(list.pointee.cnt)).map {
            TopicPartition(topic: String(cString: $0.topic), partition: $0.partition)
        }
    }

    /// The group's committed offset and the watermarks of each partition (blocking: call on a
    /// worker); each broker call waits at most `timeout`.
    func positions(of partitions: [TopicPartition], timeout: Duration) throws(KafkaError) -> [PartitionPosition] {
        let list = try Self.partitionList(capacity: partitions.count, .consume)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for partition in partitions { rd_kafka_topic_partition_list_add(list, partition.topic, partition.partition) }
        try Self.check(rd_kafka_committed(handle, list, timeout.kafkaMilliseconds), .consume)
        var positions: [PartitionPosition] = []
        for element in UnsafeBufferPointer(start: list.pointee.elems, count: Int(list.pointee.cnt)) {
            let topic = String(cString: element.topic)
            let (low, high) = try watermarks(topic: topic, partition: element.partition, timeout: timeout, .consume)
            positions.append(
                PartitionPosition(
                    topic: topic, partition: element.partition,
                    committed: element.offset >= 0 ? element.offset : nil, lowWatermark: low, highWatermark: high))
        }
        return positions
    }

    /// What the client already knows of each partition, asking no broker: the high watermark of
    /// the last fetch response (`rd_kafka_get_watermark_offsets`) and the fetch position (the next
    /// offset it will hand out, `rd_kafka_position`). Either is nil until the partition's first fetch.
    func knownOffsets(of partitions: [TopicPartition]) -> [TopicPartition: (position: Int64?, highWatermark: Int64?)] {
        guard let list = try? Self.partitionList(capacity: partitions.count, .consume) else { return [:] }
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for partition in partitions { rd_kafka_topic_partition_list_add(list, partition.topic, partition.partition) }
        let positionsKnown = rd_kafka_position(handle, list) == RD_KAFKA_RESP_ERR_NO_ERROR
        var known: [TopicPartition: (position: Int64?, highWatermark: Int64?)] = [:]
        for element in UnsafeBufferPointer(start: list.pointee.elems, count: Int(list.pointee.cnt)) {
            let partition = TopicPartition(topic: String(cString: element.topic), partition: element.partition)
            var low = Int64(RD_KAFKA_OFFSET_INVALID)
            var high = Int64(RD_KAFKA_OFFSET_INVALID)
            let cached = rd_kafka_get_watermark_offsets(handle, element.topic, element.partition, &low, &high) == RD_KAFKA_RESP_ERR_NO_ERROR
            known[partition] = (
                position: positionsKnown && element.offset >= 0 ? element.offset : nil,
                highWatermark: cached && high >= 0 ? high : nil
            )
        }
        return known
    }

    /// Commits what was stored and leaves the group (blocking: call on a worker). Returns the
    /// error librdkafka reported, if any; the member has left either way.
    func closeConsumer() -> KafkaError? {
        let code = rd_kafka_consumer_close(handle)
        return code == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : Self.error(.close, code: code)
    }

    /// A new partition list with room for `capacity` entries; the caller destroys it.
    private static func partitionList(
        capacity: Int, _ operation: KafkaError.Operation
    ) throws(KafkaError) -> UnsafeMutablePointer<rd_kafka_topic_partition_list_t> {
        guard let list = rd_kafka_topic_partition_list_new(Int32(clamping: capacity)) else {
            throw KafkaError(operation, message: "librdkafka could not allocate a partition list; the process is out of memory")
        }
        return list
    }
}
