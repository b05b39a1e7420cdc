import CRdKafka
import Logging
import Synchronization

extension RdKafkaClient {
    /// librdkafka's mock cluster (`rd_kafka_mock_cluster_t`): brokers on loopback inside a client
    /// handle of this process. It lives until `stop()` or until it goes, and its host handle
    /// with it.
    final class MockCluster: Sendable {
        /// `host:port,…` of the brokers, on loopback.
        let bootstrapServers: String
        private let host: RdKafkaClient
        /// The C cluster. librdkafka synchronises calls on it; it is freed once, by `stop()`.
        nonisolated(unsafe) private let cluster: OpaquePointer
        /// Whether `stop()` freed the cluster. Calls hold this lock, so that one racing `stop()`
        /// finds the cluster either alive or gone, never freed under it.
        private let stopped = Mutex(false)

        /// Starts `brokers` mock brokers on ephemeral loopback ports.
        init(brokers: Int32, logger: Logger) throws(KafkaError) {
            // The mock lives in a client handle; it has no bootstrap servers of its own, which
            // librdkafka reports at warning level, so only errors are logged from it.
            let host = try RdKafkaClient(kind: .producer, properties: ["log_level": "3"], context: ClientContext(logger: logger))
            guard let cluster = rd_kafka_mock_cluster_new(host.handle, brokers) else {
                throw KafkaError(.embeddedBroker, message: "librdkafka could not start its mock cluster; see the log for why (a port or thread could not be had)")
            }
            self.host = host
            self.bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
            self.cluster = cluster
        }

        deinit { stop() }

        /// Creates a topic. Creating one that exists is a no-op.
        func createTopic(_ name: String, partitions: Int32, replicationFactor: Int32) throws(KafkaError) {
            let code = try withCluster { rd_kafka_mock_topic_create($0, name, partitions, replicationFactor) }
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR || code == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else {
                throw RdKafkaClient.error(.createTopics, code: code)
            }
        }

        /// Takes a broker down (its connections close, new ones are refused) or brings it back.
        func setBroker(_ broker: Int32, down: Bool) throws(KafkaError) {
            let code = try withCluster { cluster in
                down ? rd_kafka_mock_broker_set_down(cluster, broker) : rd_kafka_mock_broker_set_up(cluster, broker)
            }
            try RdKafkaClient.check(code, .embeddedBroker)
        }

        /// Delays every response of a broker by `milliseconds` (0 removes the delay).
        func setRoundTripTime(broker: Int32, milliseconds: Int32) throws(KafkaError) {
            let code = try withCluster { rd_kafka_mock_broker_set_rtt($0, broker, milliseconds) }
            try RdKafkaClient.check(code, .embeddedBroker)
        }

        /// Stops the brokers; clients still connected see transport errors. Safe to call twice.
        func stop() {
            stopped.withLock { stopped in
                guard !stopped else { return }
                rd_kafka_mock_cluster_destroy(cluster)
                stopped = true
            }
        }

        private func withCluster(_ body: (OpaquePointer) -> rd_kafka_resp_err_t) throws(KafkaError) -> rd_kafka_resp_err_t {
            let code: rd_kafka_resp_err_t? = stopped.withLock { stopped in stopped ? nil : body(cluster) }
            guard let code else {
                throw KafkaError(.embeddedBroker, message: "the embedded cluster has stopped; start a new EmbeddedKafka to use one")
            }
            return code
        }
    }
}
