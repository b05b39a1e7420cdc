/// Every environment variable a service process reads (beside each executable's own, such as
/// the coordinator's household key secret): the code reads each through this catalogue, and
/// docs/operations.md, the systemd examples and compose.yaml set or name each one (tests hold
/// them together).
public enum EnvironmentVariable: String, CaseIterable, Sendable {
    /// The SQLite file.
    case database = "ENTAS_DATABASE"
    case httpHost = "ENTAS_HTTP_HOST"
    case httpPort = "ENTAS_HTTP_PORT"
    case logLevel = "ENTAS_LOG_LEVEL"
    /// The clusters whose field verifications count (`socialAid` when unset): ``VerifyingClusters``.
    case verifyingClusters = "ENTAS_VERIFYING_CLUSTERS"
    case kafkaBootstrapServers = "KAFKA_BOOTSTRAP_SERVERS"
    /// A prefix: `KAFKA_<PROPERTY>` sets the librdkafka property `<property>` (`KafkaEnvironment`).
    case kafkaProperty = "KAFKA_"

    /// True for a prefix (`KAFKA_`), which names a family of variables.
    public var isPrefix: Bool { rawValue.hasSuffix("_") }
}
