import EntasDomain

/// How many partitions each Entas topic gets on the bench's embedded broker.
///
/// The mock broker keeps only about the last 5 MiB of each partition and drops older records
/// silently, so a backlog must be spread over enough partitions: each gets at most
/// ``bytesPerPartition`` of the events planned for it, at ``bytesPerEvent`` each (generous:
/// an Entas record with its CloudEvents headers takes 500–800 bytes).
struct TopicLayout: Sendable, CustomStringConvertible {
    static let bytesPerEvent = 1_024
    static let bytesPerPartition = 3 * 1_024 * 1_024
    static let minimumPartitions = 4

    var partitions: [EntasTopic: Int]

    /// Partitions for `events` records per topic held at once; topics not named get the minimum.
    init(backlog events: [EntasTopic: Int]) {
        var partitions: [EntasTopic: Int] = [:]
        for topic in EntasTopic.allCases {
            let bytes = (events[topic] ?? 0) * Self.bytesPerEvent
            partitions[topic] = max(Self.minimumPartitions, (bytes + Self.bytesPerPartition - 1) / Self.bytesPerPartition)
        }
        partitions[.deadLetter] = 1
        self.partitions = partitions
    }

    /// The topics the coordinator reads (every one but the dead letters).
    static let consumed: [EntasTopic] = [.households, .socialAid, .empowerment, .umkm, .lowCost]

    var totalPartitions: Int { partitions.values.reduce(0, +) }

    var description: String {
        Self.consumed.map { "\($0.rawValue) \(partitions[$0] ?? 0)" }.joined(separator: ", ")
    }
}
