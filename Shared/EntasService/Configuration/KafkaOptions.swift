import ArgumentParser
import EntasDomain
import EntasKafka

/// The Kafka flags of every Entas command that talks to a cluster: the brokers and any
/// librdkafka property. Each has its environment behind it (``KafkaEnvironment``); a flag wins
/// over its variable.
public struct KafkaOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("kafka-bootstrap-servers"), help: Message("clihelp.kafka.bootstrap").help)
    public var bootstrapServers: String?

    @Option(
        name: .customLong("kafka"),
        help: Message("clihelp.kafka.property").help(valueName: "key=value"))
    public var properties: [String] = []

    public init() {}

    /// The settings these flags and `environment` describe, for a client named `clientID`.
    public func settings(environment: [String: String], clientID: String) throws(ConfigurationError) -> KafkaSettings {
        try KafkaEnvironment.settings(environment: environment, bootstrapServers: bootstrapServers, properties: properties, clientID: clientID)
    }
}
