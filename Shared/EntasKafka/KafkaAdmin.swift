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
            properties: settings.librdkafkaProperties(defaults: [:], for: .producer),
            context: ClientContext(logger: logger)
        )
        self.worker = BlockingWorker(name: "entas-kafka-admin")
    }

    deinit { worker.stop() }

    /// Creates the topics that do not exist yet and leaves those that do alone (their
    /// partitions and configs unchanged); returns what happened to each, in the given order.
    @discardableResult
    public func createTopics(_ topics: [TopicSpecification], timeout: Duration = .seconds(30)) async throws(KafkaError) -> [TopicCreation] {
        let existing = Dictionary(try await listTopics(timeout: timeout).map { ($0.name, $0.partitionCount) }) { first, _ in first }
        let missing = topics.filter { existing[$0.name] == nil }
        var alreadyThere: Set<String> = []
        if let embedded = EmbeddedKafka.running(at: settings.bootstrapServers) {
            for topic in missing {
                try embedded.createTopic(topic.name, partitions: topic.partitions, replicationFactor: max(topic.replicationFactor, 1))
            }
        } else if !missing.isEmpty {
            let client = self.client
            let result: Result<Set<String>, KafkaError> = await worker.run {
                Result { () throws(KafkaError) in try client.createTopics(missing, timeout: timeout) }
            }
            alreadyThere = try result.get()
        }
        return topics.map { topic in
            if let partitions = existing[topic.name] { return TopicCreation(topic: topic, outcome: .alreadyExisted(partitions: partitions)) }
            if alreadyThere.contains(topic.name) { return TopicCreation(topic: topic, outcome: .alreadyExisted(partitions: nil)) }
            return TopicCreation(topic: topic, outcome: .created)
        }
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
