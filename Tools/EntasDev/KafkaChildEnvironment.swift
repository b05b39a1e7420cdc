import EntasKafka
import EntasService
import Foundation

/// The environment of an Entas executable started as a child process against a Kafka cluster
/// (by `entas dev`, `make faults`, `make load` and the real-broker tests): `base` without its
/// `KAFKA_*`, `kafka.*` and `ENTAS_*` variables (the parent's settings are not the child's),
/// plus `KAFKA_BOOTSTRAP_SERVERS` and each of `properties` as the variable the executable reads
/// back as that property (`fetch.wait.max.ms` as `KAFKA_FETCH_WAIT_MAX_MS`). The caller adds the
/// child's own `ENTAS_*` settings. `LD_LIBRARY_PATH` and the rest pass through, so a child loads
/// the same librdkafka as its parent.
public enum KafkaChildEnvironment {
    public static func variables(
        bootstrapServers: String, properties: [String: String], inheriting base: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String: String] {
        var environment = base.filter {
            !$0.key.hasPrefix("KAFKA_") && !$0.key.hasPrefix(KafkaEnvironment.exactPrefix) && !$0.key.hasPrefix("ENTAS_")
        }
        environment.merge(KafkaEnvironment.variables(bootstrapServers: bootstrapServers, properties: properties)) { $1 }
        return environment
    }
}

extension EmbeddedKafka {
    /// ``KafkaChildEnvironment`` for this cluster, with ``recommendedClientProperties``.
    public func childEnvironment(inheriting base: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        KafkaChildEnvironment.variables(bootstrapServers: bootstrapServers, properties: Self.recommendedClientProperties, inheriting: base)
    }
}
