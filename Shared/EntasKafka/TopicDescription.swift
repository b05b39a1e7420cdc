/// A topic as the cluster's metadata describes it.
public struct TopicDescription: Sendable, Hashable {
    public var name: String
    public var partitionCount: Int

    public init(name: String, partitionCount: Int) {
        self.name = name
        self.partitionCount = partitionCount
    }
}

/// A topic to create: its name, how many partitions, how many replicas, and topic configs
/// such as `cleanup.policy=compact`.
public struct TopicSpecification: Sendable, Hashable {
    public var name: String
    public var partitions: Int
    /// `-1` takes the cluster's default.
    public var replicationFactor: Int
    public var configs: [String: String]

    public init(name: String, partitions: Int, replicationFactor: Int = -1, configs: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.configs = configs
    }
}

/// The offsets a partition holds: from `low` (the first kept) to `high` (the next to be written).
public struct PartitionWatermarks: Sendable, Hashable {
    public var topic: String
    public var partition: Int32
    public var low: Int64
    public var high: Int64

    public init(topic: String, partition: Int32, low: Int64, high: Int64) {
        self.topic = topic
        self.partition = partition
        self.low = low
        self.high = high
    }

    /// Records the partition holds now.
    public var count: Int64 { high - low }
}
