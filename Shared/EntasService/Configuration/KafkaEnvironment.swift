import EntasKafka

/// Kafka settings from the environment and from `--kafka key=value` flags.
///
/// - `KAFKA_BOOTSTRAP_SERVERS`: the brokers (`host:port,…`).
/// - Every other `KAFKA_*` variable is a librdkafka property, its name lower-cased with `_`
///   read as `.`: `KAFKA_SECURITY_PROTOCOL=SASL_SSL` sets `security.protocol`,
///   `KAFKA_SASL_MECHANISM=SCRAM-SHA-512` sets `sasl.mechanism`.
/// - A variable `kafka.<property>` sets the property by its exact name, unchanged
///   (`kafka.enable_sasl_queue=true`, a name `KAFKA_*` cannot spell), and wins over `KAFKA_*`.
/// - A flag `--kafka security.protocol=SASL_SSL` sets the property by its exact name and
///   wins over the environment.
public enum KafkaEnvironment {
    public static let bootstrapVariable = EnvironmentVariable.kafkaBootstrapServers.rawValue

    /// The prefix of a variable that names a librdkafka property exactly: `kafka.security.protocol`.
    public static let exactPrefix = "kafka."

    /// The variables that give a child service `bootstrapServers` and `properties`, the
    /// inverse of ``settings(environment:bootstrapServers:properties:clientID:)``:
    /// `fetch.wait.max.ms` becomes `KAFKA_FETCH_WAIT_MAX_MS`; a property with `_` in its name,
    /// which `KAFKA_*` cannot spell, keeps it as `kafka.enable_sasl_queue`.
    /// `KAFKA_`: the prefix of a `KAFKA_<PROPERTY>` variable.
    static let prefix = EnvironmentVariable.kafkaProperty.rawValue

    public static func variables(bootstrapServers: String, properties: [String: String]) -> [String: String] {
        var variables = [bootstrapVariable: bootstrapServers]
        for (property, value) in properties {
            let name = property.contains("_") ? exactPrefix + property : prefix + property.uppercased().replacingOccurrences(of: ".", with: "_")
            variables[name] = value
        }
        return variables
    }

    public static func settings(
        environment: [String: String],
        bootstrapServers flag: String? = nil,
        properties flags: [String] = [],
        clientID: String
    ) throws(ConfigurationError) -> KafkaSettings {
        guard let servers = flag ?? environment[bootstrapVariable], !servers.isEmpty else {
            throw ConfigurationError(
                setting: "\(bootstrapVariable) / --kafka-bootstrap-servers",
                problem: "no Kafka brokers were given",
                fix: "Set KAFKA_BOOTSTRAP_SERVERS=host:port[,host:port…], or start the embedded system with `make run`.")
        }
        var properties: [String: String] = [:]
        for (name, value) in environment where name.hasPrefix(prefix) && name != bootstrapVariable {
            let property = name.dropFirst(prefix.count).lowercased().replacingOccurrences(of: "_", with: ".")
            guard !property.isEmpty else { continue }
            properties[property] = value
        }
        for (name, value) in environment where name.hasPrefix(exactPrefix) && name.count > exactPrefix.count {
            properties[String(name.dropFirst(exactPrefix.count))] = value
        }
        for flag in flags {
            guard let separator = flag.firstIndex(of: "="), separator != flag.startIndex else {
                throw ConfigurationError(
                    setting: "--kafka", problem: "'\(flag)' is not of the form key=value",
                    fix: "Write the librdkafka property as --kafka security.protocol=SASL_SSL.")
            }
            properties[String(flag[..<separator])] = String(flag[flag.index(after: separator)...])
        }
        return KafkaSettings(bootstrapServers: servers, clientID: clientID, properties: properties)
    }
}
