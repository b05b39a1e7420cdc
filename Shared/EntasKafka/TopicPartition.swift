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
