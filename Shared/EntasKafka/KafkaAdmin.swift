import CRdKafka
import Logging

/// Creates and lists topics.
///
/// On a real cluster topics are created with the admin API (`CreateTopics`). librdkafka's
/// mock cluster has no admin API, so for an `EmbeddedKafka` of this process the topics are
/// created on the mock directly; any other process sees them as usual.
public final class KafkaAdmin: Sendable {
    private let client: RdKafkaClient
    private let worker: BlockingWorker
    private let settings: KafkaSettings

    public init(settings: KafkaSettings, logger: Logger) throws(KafkaError) {
        self.settings = settings
        self.client = try RdKafkaClient(
            kind: .producer,
            properties: settings.librdkafkaProperties(defaults: [:]),
            context: ClientContext(logger: logger)
        )
        self.worker = BlockingWorker(name: "entas-kafka-admin")
    }

    deinit { worker.stop() }

    /// Creates the topics; a topic that already exists counts as created.
    public func createTopics(_ topics: [TopicSpecification], timeout: Duration = .seconds(30)) async throws(KafkaError) {
        if let embedded = EmbeddedKafka.running(at: settings.bootstrapServers) {
            for topic in topics {
                try embedded.createTopic(topic.name, partitions: topic.partitions, replicationFactor: max(topic.replicationFactor, 1))
            }
            return
        }
        let client = self.client
        let milliseconds = timeout.kafkaMilliseconds
        let result: Result<Void, KafkaError> = await worker.run {
            Self.createTopicsBlocking(client: client, topics: topics, timeoutMilliseconds: milliseconds)
        }
        try result.get()
    }

    /// The cluster's topics (internal ones, such as `__consumer_offsets`, left out).
    public func listTopics(timeout: Duration = .seconds(10)) async throws(KafkaError) -> [TopicDescription] {
        let client = self.client
        let milliseconds = timeout.kafkaMilliseconds
        let result: Result<[TopicDescription], KafkaError> = await worker.run {
            Result { () throws(KafkaError) in try client.metadataTopics(timeoutMilliseconds: milliseconds) }
        }
        return try result.get().filter { !$0.name.hasPrefix("__") }.sorted { $0.name < $1.name }
    }

    /// The low and high watermark of every partition of `topics`: the first offset still kept and
    /// the next offset to be written. On the embedded broker a low watermark above 0 means the mock
    /// dropped records (it keeps about 5 MiB per partition).
    public func watermarks(of topics: [String], timeout: Duration = .seconds(10)) async throws(KafkaError) -> [PartitionWatermarks] {
        let client = self.client
        let milliseconds = timeout.kafkaMilliseconds
        let result: Result<[PartitionWatermarks], KafkaError> = await worker.run {
            Result { () throws(KafkaError) in
                let partitionCounts = try client.metadataTopics(timeoutMilliseconds: milliseconds)
                var watermarks: [PartitionWatermarks] = []
                for topic in topics {
                    guard let description = partitionCounts.first(where: { $0.name == topic }) else {
                        throw KafkaError(.listTopics, message: "the cluster has no topic '\(topic)'")
                    }
                    for partition in 0..<Int32(clamping: description.partitionCount) {
                        var low: Int64 = 0
                        var high: Int64 = 0
                        let code = rd_kafka_query_watermark_offsets(client.handle, topic, partition, &low, &high, milliseconds)
                        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(.listTopics, code: code) }
                        watermarks.append(PartitionWatermarks(topic: topic, partition: partition, low: low, high: high))
                    }
                }
                return watermarks
            }
        }
        return try result.get()
    }

    private static func createTopicsBlocking(client: RdKafkaClient, topics: [TopicSpecification], timeoutMilliseconds: Int32) -> Result<Void, KafkaError> {
        var errorText = [CChar](repeating: 0, count: 512)
        var newTopics: [OpaquePointer?] = []
        defer { for topic in newTopics { rd_kafka_NewTopic_destroy(topic) } }
        for topic in topics {
            guard let newTopic = rd_kafka_NewTopic_new(topic.name, Int32(clamping: topic.partitions), Int32(clamping: topic.replicationFactor), &errorText, errorText.count) else {
                let reason = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                return .failure(KafkaError(.createTopics, message: "topic '\(topic.name)' is not valid: \(reason)"))
            }
            newTopics.append(newTopic)
            for (name, value) in topic.configs.sorted(by: { $0.key < $1.key }) {
                let code = rd_kafka_NewTopic_set_config(newTopic, name, value)
                if code != RD_KAFKA_RESP_ERR_NO_ERROR { return .failure(KafkaError(.createTopics, code: code)) }
            }
        }
        guard let options = rd_kafka_AdminOptions_new(client.handle, RD_KAFKA_ADMIN_OP_CREATETOPICS),
            let queue = rd_kafka_queue_new(client.handle)
        else { return .failure(KafkaError(.createTopics, message: "could not allocate admin options")) }
        defer {
            rd_kafka_AdminOptions_destroy(options)
            rd_kafka_queue_destroy(queue)
        }
        _ = rd_kafka_AdminOptions_set_operation_timeout(options, timeoutMilliseconds, &errorText, errorText.count)
        _ = rd_kafka_AdminOptions_set_request_timeout(options, timeoutMilliseconds, &errorText, errorText.count)
        newTopics.withUnsafeMutableBufferPointer { buffer in
            rd_kafka_CreateTopics(client.handle, buffer.baseAddress, buffer.count, options, queue)
        }
        guard let event = rd_kafka_queue_poll(queue, timeoutMilliseconds + 1000) else {
            return .failure(KafkaError(.createTopics, code: RD_KAFKA_RESP_ERR__TIMED_OUT, message: "the cluster did not answer CreateTopics in time"))
        }
        defer { rd_kafka_event_destroy(event) }
        let eventError = rd_kafka_event_error(event)
        guard eventError == RD_KAFKA_RESP_ERR_NO_ERROR else {
            return .failure(KafkaError(.createTopics, code: eventError, message: rd_kafka_event_error_string(event).map { String(cString: $0) }))
        }
        guard let result = rd_kafka_event_CreateTopics_result(event) else {
            return .failure(KafkaError(.createTopics, message: "unexpected admin event"))
        }
        var count = 0
        guard let results = rd_kafka_CreateTopics_result_topics(result, &count) else { return .success(()) }
        for index in 0..<count {
            guard let topicResult = results[index] else { continue }
            let code = rd_kafka_topic_result_error(topicResult)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR || code == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else {
                let name = String(cString: rd_kafka_topic_result_name(topicResult))
                let message = rd_kafka_topic_result_error_string(topicResult).map { String(cString: $0) } ?? ""
                return .failure(KafkaError(.createTopics, code: code, message: "topic '\(name)': \(message)"))
            }
        }
        return .success(())
    }
}
