import EntasDomain
import EntasKafka

/// How each Entas topic is laid out on a cluster (docs/operations.md, "The topics"): one
/// definition for `entas topics create`, `entas dev` and the reference in deploy/compose.yaml,
/// which a test compares with it.
extension EntasTopic {
    /// Partitions: the busiest topics get more, so that more consumers can share them
    /// (docs/scaling.md).
    public var partitionCount: Int {
        switch self {
        case .households, .socialAid: 8
        case .empowerment, .umkm, .lowCost: 4
        case .deadLetter: 1
        }
    }

    /// Retention and cleanup: the event topics keep everything (a rebuild replays them all, and
    /// `entas.households` is not compacted: its key is the KK, shared by every event of a
    /// household); the dead letters are kept 30 days.
    public var retentionConfigs: [String: String] {
        let forever = ["cleanup.policy": "delete", "retention.ms": "-1", "retention.bytes": "-1"]
        switch self {
        case .deadLetter: return forever.merging(["retention.ms": "2592000000"]) { $1 }
        default: return forever
        }
    }

    /// The topic to create with `replicationFactor` replicas: its partitions and retention, and
    /// `min.insync.replicas` of 2 where there are three replicas or more (with `acks=all`, an
    /// acknowledged event is then on two brokers).
    public func specification(replicationFactor: Int) -> TopicSpecification {
        var configs = retentionConfigs
        if replicationFactor >= 3 { configs["min.insync.replicas"] = "2" }
        return TopicSpecification(name: rawValue, partitions: partitionCount, replicationFactor: replicationFactor, configs: configs)
    }

    /// Every Entas topic, as ``specification(replicationFactor:)`` gives it.
    public static func specifications(replicationFactor: Int) -> [TopicSpecification] {
        allCases.map { $0.specification(replicationFactor: replicationFactor) }
    }
}
