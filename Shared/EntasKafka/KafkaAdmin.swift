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
        let result: Result<Void, KafkaError> = await worker.run {
            Result { () throws(KafkaError) in try client.createTopics(topics, timeout: timeout) }
        }
        try result.get()
    }

    /// The cluster's topics (internal ones, such as `__consumer_offsets`, left out).
    public func listTopics(timeout: Duration = .seconds(10)) async throws(KafkaError) -> [TopicDescription] {
        let client = self.client
        let result: Result<[TopicDescription], KafkaError> = await worker.run {
            Result { () throws(KafkaError) in try client.metadataTopics(timeout: timeout) }
        }
        return try result.get().filter { !$0.name.hasPrefix("__") }.sorted { $0.name < $1.name }
    }

    /// The low and high watermark of every partition of `topics`: the first offset still kept and
    /// the next offset to be written. On the embedded broker a low watermark above 0 means the mock
    /// dropped records (it keeps about 5 MiB per partition).
    public func watermarks(of topics: [String], timeout: Duration = .seconds(10)) async throws(KafkaError) -> [PartitionWatermarks] {
        let client = self.client
        let result: Result<[PartitionWatermarks], KafkaError> = await worker.run {
            Result { () throws(KafkaError) in
                let partitionCounts = try client.metadataTopics(timeout: timeout)
                var watermarks: [PartitionWatermarks] = []
                for topic in topics {
                    guard let description = partitionCounts.first(where: { $0.name == topic }) else {
                        throw KafkaError(.listTopics, message: "the cluster has no topic '\(topic)'; create it first or check its name")
                    }
                    for partition in 0..<Int32(clamping: description.partitionCount) {
                        let (low, high) = try client.watermarks(topic: topic, partition: partition, timeout: timeout, .listTopics)
                        watermarks.append(PartitionWatermarks(topic: topic, partition: partition, low: low, high: high))
                    }
                }
                return watermarks
            }
        }
        return try result.get()
    }
}
