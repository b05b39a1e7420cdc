import CRdKafka

/// The admin API: creating topics on a real cluster (librdkafka's mock has none; see `+Mock`).
extension RdKafkaClient {
    /// Creates the topics with `CreateTopics` and waits for the cluster's answer (blocking: call
    /// on a worker). Returns the names of those the cluster said already exist.
    func createTopics(_ topics: [TopicSpecification], timeout: Duration) throws(KafkaError) -> Set<String> {
        var newTopics: [OpaquePointer?] = []
        defer { for topic in newTopics { rd_kafka_NewTopic_destroy(topic) } }
        for topic in topics { newTopics.append(try Self.newTopic(topic)) }
        var errorText = [CChar](repeating: 0, count: 512)
        guard let options = rd_kafka_AdminOptions_new(handle, RD_KAFKA_ADMIN_OP_CREATETOPICS),
            let queue = rd_kafka_queue_new(handle)
        else { throw KafkaError(.createTopics, message: "librdkafka could not allocate admin options; the process is out of memory") }
        defer {
            rd_kafka_AdminOptions_destroy(options)
            rd_kafka_queue_destroy(queue)
        }
        let milliseconds = timeout.kafkaMilliseconds
        _ = rd_kafka_AdminOptions_set_operation_timeout(options, milliseconds, &errorText, errorText.count)
        _ = rd_kafka_AdminOptions_set_request_timeout(options, milliseconds, &errorText, errorText.count)
        newTopics.withUnsafeMutableBufferPointer { buffer in
            rd_kafka_CreateTopics(handle, buffer.baseAddress, buffer.count, options, queue)
        }
        // A second more than the request may take, so the request's own timeout reports first.
        guard let event = rd_kafka_queue_poll(queue, (timeout + .seconds(1)).kafkaMilliseconds) else {
            throw Self.error(.createTopics, code: RD_KAFKA_RESP_ERR__TIMED_OUT, message: "the cluster did not answer CreateTopics in time")
        }
        defer { rd_kafka_event_destroy(event) }
        return try Self.checkCreateTopicsResult(event)
    }

    /// A `rd_kafka_NewTopic_t` for one topic with its configs; the caller destroys it.
    private static func newTopic(_ topic: TopicSpecification) throws(KafkaError) -> OpaquePointer {
        var errorText = [CChar](repeating: 0, count: 512)
        guard
            let newTopic = rd_kafka_NewTopic_new(
                topic.name, Int32(clamping: topic.partitions), Int32(clamping: topic.replicationFactor), &errorText, errorText.count)
        else {
            throw KafkaError(.createTopics, message: "topic '\(topic.name)' is not valid: \(text(errorText))")
        }
        for (name, value) in topic.configs.sorted(by: { $0.key < $1.key }) {
            let code = rd_kafka_NewTopic_set_config(newTopic, name, value)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                rd_kafka_NewTopic_destroy(newTopic)
                throw error(.createTopics, code: code)
            }
        }
        return newTopic
    }

    /// Throws the first error of a `CreateTopics` result event other than `TOPIC_ALREADY_EXISTS`;
    /// returns the names of the topics that already existed.
    private static func checkCreateTopicsResult(_ event: OpaquePointer) throws(KafkaError) -> Set<String> {
        let eventError = rd_kafka_event_error(event)
        guard eventError == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw error(.createTopics, code: eventError, message: rd_kafka_event_error_string(event).map { String(cString: $0) })
        }
        guard let result = rd_kafka_event_CreateTopics_result(event) else {
            throw KafkaError(.createTopics, message: "librdkafka answered CreateTopics with an unexpected event")
        }
        var count = 0
        guard let results = rd_kafka_CreateTopics_result_topics(result, &count) else { return [] }
        var existing: Set<String> = []
        for index in 0..<count {
            guard let topicResult = results[index] else { continue }
            let code = rd_kafka_topic_result_error(topicResult)
            let name = String(cString: rd_kafka_topic_result_name(topicResult))
            if code == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS { existing.insert(name) }
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR || code == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else {
                let message = rd_kafka_topic_result_error_string(topicResult).map { String(cString: $0) } ?? ""
                throw error(.createTopics, code: code, message: "topic '\(name)': \(message)")
            }
        }
        return existing
    }
}
