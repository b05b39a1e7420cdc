import CRdKafka

/// What the cluster says about its topics and partitions; used by the admin and the consumer.
extension RdKafkaClient {
    /// Topic names and partition counts the cluster knows (blocking: call on a worker).
    func metadataTopics(timeout: Duration) throws(KafkaError) -> [TopicDescription] {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let code = rd_kafka_metadata(handle, 1, nil, &metadata, timeout.kafkaMilliseconds)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
            throw Self.error(.listTopics, code: code)
        }
        defer { rd_kafka_metadata_destroy(metadata) }
        let topics = UnsafeBufferPointer(start: metadata.pointee.topics, count: Int(metadata.pointee.topic_cnt))
        return topics.compactMap { topic in
            guard let name = topic.topic, topic.err == RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
            return TopicDescription(name: String(cString: name), partitionCount: Int(topic.partition_cnt))
        }
    }

    /// A partition's low watermark (the first offset kept) and high watermark (the next offset
    /// to be written), asked of its leader (blocking: call on a worker).
    func watermarks(
        topic: String, partition: Int32, timeout: Duration, _ operation: KafkaError.Operation
    ) throws(KafkaError) -> (low: Int64, high: Int64) {
        var low: Int64 = 0
        var high: Int64 = 0
        let code = rd_kafka_query_watermark_offsets(handle, topic, partition, &low, &high, timeout.kafkaMilliseconds)
        try Self.check(code, operation)
        return (low, high)
    }
}
