import CRdKafka
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

    private let host: RdKafkaClient
    private let cluster: MockCluster
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
        guard brokers >= 1 else { throw KafkaError(.embeddedBroker, message: "an embedded cluster needs at least one broker, not \(brokers)") }
        // The mock lives in a client handle; it has no bootstrap servers of its own, which
        // librdkafka reports at warning level, so only errors are logged from it.
        host = try RdKafkaClient(kind: .producer, properties: ["log_level": "3"], context: ClientContext(logger: logger))
        guard let mock = rd_kafka_mock_cluster_new(host.handle, Int32(brokers)) else {
            throw KafkaError(.embeddedBroker, message: "librdkafka could not start its mock cluster")
        }
        cluster = MockCluster(pointer: mock)
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(mock))
        brokerCount = brokers
        EmbeddedKafka.registry.withLock { $0[bootstrapServers] = WeakEmbeddedKafka(self) }
        logger.info("Embedded Kafka started", metadata: [KafkaLogKey.bootstrapServers: "\(bootstrapServers)"])
    }

    deinit { stop() }

    /// The broker ids, 1 to `brokerCount`.
    public var brokerIDs: [Int32] { (1...Int32(brokerCount)).map { $0 } }

    /// Creates a topic with `partitions` partitions. Creating one that exists is a no-op.
    public func createTopic(_ name: String, partitions: Int, replicationFactor: Int = 1) throws(KafkaError) {
        let code = rd_kafka_mock_topic_create(cluster.pointer, name, Int32(partitions), Int32(min(replicationFactor, brokerCount)))
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR || code == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else {
            throw KafkaError(.createTopics, code: code)
        }
    }

    /// Takes a broker down: its connections close and it refuses new ones until `setUp`.
    public func setDown(broker: Int32) throws(KafkaError) {
        try check(rd_kafka_mock_broker_set_down(cluster.pointer, broker))
    }

    /// Brings a broker back.
    public func setUp(broker: Int32) throws(KafkaError) {
        try check(rd_kafka_mock_broker_set_up(cluster.pointer, broker))
    }

    /// Takes every broker down (`true`) or brings every broker back (`false`).
    public func setAllBrokers(down: Bool) throws(KafkaError) {
        for broker in brokerIDs { try down ? setDown(broker: broker) : setUp(broker: broker) }
    }

    /// Delays every response of a broker by `milliseconds` (0 removes the delay).
    public func setRoundTripTime(broker: Int32, milliseconds: Int) throws(KafkaError) {
        try check(rd_kafka_mock_broker_set_rtt(cluster.pointer, broker, Int32(milliseconds)))
    }

    private func check(_ code: rd_kafka_resp_err_t) throws(KafkaError) {
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(.embeddedBroker, code: code) }
    }

    /// Stops the brokers; clients still connected see transport errors. Safe to call twice.
    public func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        EmbeddedKafka.registry.withLock { _ = $0.removeValue(forKey: bootstrapServers) }
        rd_kafka_mock_cluster_destroy(cluster.pointer)
    }

    /// The embedded cluster of this process with these bootstrap servers, if one runs.
    /// `KafkaAdmin` uses it to create topics, since the mock has no admin API.
    static func running(at bootstrapServers: String) -> EmbeddedKafka? {
        registry.withLock { $0[bootstrapServers]?.value }
    }

    private static let registry = Mutex<[String: WeakEmbeddedKafka]>([:])
}

private struct MockCluster: @unchecked Sendable {
    let pointer: OpaquePointer
}

private struct WeakEmbeddedKafka: @unchecked Sendable {
    weak var value: EmbeddedKafka?
    init(_ value: EmbeddedKafka) { self.value = value }
}
