import Logging
import Synchronization

/// A Kafka cluster inside this process: librdkafka's mock cluster, listening on loopback.
///
/// It is what `entas dev` and the tests use, so that no external broker is needed to run or
/// test Entas. Other processes reach it through `bootstrapServers` like any cluster.
///
/// Limits of the mock (librdkafka 2.0): its log lives in memory and keeps only about the last
/// 5 MiB per partition; there is no admin API (topics are created here, or auto-created with
/// 4 partitions); an idempotent producer's retried batch may be stored twice, so consumers
/// must dedupe by event id; group rebalances take `session.timeout.ms`.
public final class EmbeddedKafka: Sendable {
    /// `host:port,…` of the brokers, on loopback.
    public let bootstrapServers: String
    public let brokerCount: Int

    private let cluster: RdKafkaClient.MockCluster
    private let stopped = Mutex(false)

    /// Client properties that suit the mock: short fetch waits (the default 500 ms lets a
    /// consumer fall behind the retention cap) and short sessions (rebalances wait for them).
    public static let recommendedClientProperties: [String: String] = [
        "fetch.wait.max.ms": "10",
        "session.timeout.ms": "6000",
        "heartbeat.interval.ms": "500",
        "topic.metadata.refresh.interval.ms": "2000",
    ]

    /// Starts `brokers` mock brokers on ephemeral loopback ports.
    public init(brokers: Int = 1, logger: Logger) throws(KafkaError) {
        guard brokers >= 1, let count = Int32(exactly: brokers) else {
            throw KafkaError(.embeddedBroker, message: "an embedded cluster needs at least one broker (and fewer than 2^31), not \(brokers)")
        }
        cluster = try RdKafkaClient.MockCluster(brokers: count, logger: logger)
        bootstrapServers = cluster.bootstrapServers
        brokerCount = brokers
        EmbeddedKafka.registry.withLock { $0[bootstrapServers] = WeakEmbeddedKafka(self) }
        logger.info("Embedded Kafka started", metadata: [KafkaLogKey.bootstrapServers: "\(bootstrapServers)"])
    }

    deinit { stop() }

    /// The broker ids, 1 to `brokerCount`.
    public var brokerIDs: [Int32] { (1...Int32(clamping: brokerCount)).map { $0 } }

    /// Creates a topic with `partitions` partitions. Creating one that exists is a no-op.
    public func createTopic(_ name: String, partitions: Int, replicationFactor: Int = 1) throws(KafkaError) {
        try cluster.createTopic(
            name, partitions: Int32(clamping: partitions), replicationFactor: Int32(clamping: min(replicationFactor, brokerCount)))
    }

    /// Takes a broker down: its connections close and it refuses new ones until `setUp`.
    public func setDown(broker: Int32) throws(KafkaError) {
        try cluster.setBroker(broker, down: true)
    }

    /// Brings a broker back.
    public func setUp(broker: Int32) throws(KafkaError) {
        try cluster.setBroker(broker, down: false)
    }

    /// Takes every broker down (`true`) or brings every broker back (`false`).
    public func setAllBrokers(down: Bool) throws(KafkaError) {
        for broker in brokerIDs { try cluster.setBroker(broker, down: down) }
    }

    /// Delays every response of a broker by `milliseconds` (0 removes the delay).
    public func setRoundTripTime(broker: Int32, milliseconds: Int) throws(KafkaError) {
        try cluster.setRoundTripTime(broker: broker, milliseconds: Int32(clamping: milliseconds))
    }

    /// Stops the brokers; clients still connected see transport errors. Safe to call twice.
    public func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        EmbeddedKafka.registry.withLock { _ = $0.removeValue(forKey: bootstrapServers) }
        cluster.stop()
    }

    /// The embedded cluster of this process with these bootstrap servers, if one runs.
    /// `KafkaAdmin` uses it to create topics, since the mock has no admin API.
    static func running(at bootstrapServers: String) -> EmbeddedKafka? {
        registry.withLock { $0[bootstrapServers]?.value }
    }

    private static let registry = Mutex<[String: WeakEmbeddedKafka]>([:])
}

/// A registry entry that does not keep its cluster running.
private struct WeakEmbeddedKafka: Sendable {
    weak let value: EmbeddedKafka?
    init(_ value: EmbeddedKafka) { self.value = value }
}
