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
