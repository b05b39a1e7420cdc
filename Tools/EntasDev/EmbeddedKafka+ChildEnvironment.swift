import EntasKafka
import EntasService
import Foundation

extension EmbeddedKafka {
    /// The environment of an Entas executable started as a child process against this cluster
    /// (by `entas dev`, `make faults` and `make load`): `base` without its `KAFKA_*`, `kafka.*` and
    /// `ENTAS_*` variables (the parent's settings are not the child's), plus `KAFKA_BOOTSTRAP_SERVERS` and
    /// each of ``recommendedClientProperties`` as the variable the executable reads back as that
    /// property (`fetch.wait.max.ms` as `KAFKA_FETCH_WAIT_MAX_MS`). The caller adds the child's
    /// own `ENTAS_*` settings.
    public func childEnvironment(inheriting base: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var environment = base.filter {
            !$0.key.hasPrefix("KAFKA_") && !$0.key.hasPrefix(KafkaEnvironment.exactPrefix) && !$0.key.hasPrefix("ENTAS_")
        }
        environment.merge(
            KafkaEnvironment.variables(bootstrapServers: bootstrapServers, properties: Self.recommendedClientProperties)
        ) { $1 }
        return environment
    }
}
