import EntasKafka

/// Kafka settings from the environment and from `--kafka key=value` flags.
///
/// - `KAFKA_BOOTSTRAP_SERVERS`: the brokers (`host:port,…`).
/// - Every other `KAFKA_*` variable is a librdkafka property, its name lower-cased with `_`
///   read as `.`: `KAFKA_SECURITY_PROTOCOL=SASL_SSL` sets `security.protocol`,
///   `KAFKA_SASL_MECHANISM=SCRAM-SHA-512` sets `sasl.mechanism`.
/// - A flag `--kafka security.protocol=SASL_SSL` sets the property by its exact name and
///   wins over the environment.
public enum KafkaEnvironment {
    public static let bootstrapVariable = "KAFKA_BOOTSTRAP_SERVERS"

    /// The variables that give a child service `bootstrapServers` and `properties`, the
    /// inverse of ``settings(environment:bootstrapServers:properties:clientID:)``:
    /// `fetch.wait.max.ms` becomes `KAFKA_FETCH_WAIT_MAX_MS`.
    public static func variables(bootstrapServers: String, properties: [String: String]) -> [String: String] {
        var variables = [bootstrapVariable: bootstrapServers]
        for (property, value) in properties {
            variables["KAFKA_" + property.uppercased().replacingOccurrences(of: ".", with: "_")] = value
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
        for (name, value) in environment where name.hasPrefix("KAFKA_") && name != bootstrapVariable {
            let property = name.dropFirst("KAFKA_".count).lowercased().replacingOccurrences(of: "_", with: ".")
            guard !property.isEmpty else { continue }
            properties[property] = value
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
