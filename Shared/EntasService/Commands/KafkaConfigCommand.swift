import ArgumentParser
import Foundation
import Logging

/// `entas-<service> kafka-config`: prints the librdkafka configuration of the producer and
/// the consumer `serve` would use, from the same flags and variables (`--kafka key=value`,
/// `KAFKA_*`, `kafka.<name>`), as `name=value` lines or JSON. Secrets show as `(set)`. The store is never
/// opened, created or migrated, and nothing is sent to Kafka.
public struct KafkaConfigCommand<Executable: ServiceExecutable>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration { KafkaConfigOutput.configuration }

    @OptionGroup public var options: ServiceOptions
    @OptionGroup public var output: KafkaConfigOutput

    public init() {}

    public func run() async throws {
        let configuration = try options.configuration(service: Executable.serviceName, environment: ProcessInfo.processInfo.environment)
        try await output.print(configuration, for: Executable.self)
    }
}

/// The output flag of `kafka-config` and what it prints; shared with the coordinator's
/// `kafka-config`, which takes the coordinator's serve flags.
public struct KafkaConfigOutput: ParsableArguments, Sendable {
    @Flag(help: "Print JSON ({\"producer\": {…}, \"consumer\": {…}}) instead of name=value lines.")
    public var json = false

    public init() {}

    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "kafka-config",
            abstract: "Print the librdkafka configuration serve would use (producer and consumer), secrets shown as (set).",
            discussion: """
                Takes the same flags and environment as serve (--kafka key=value, KAFKA_BOOTSTRAP_SERVERS, KAFKA_<PROPERTY>, \
                kafka.<name>), \
                creates the service's Kafka producer and consumer without sending or joining anything, and prints every \
                property as librdkafka holds it (its own names: sasl.mechanism shows as sasl.mechanisms, bootstrap.servers \
                as metadata.broker.list, acks as request.required.acks), sorted, in a [producer] and a [consumer] section. \
                Passwords and secrets show as (set). The store is not opened, created or migrated. Exits with 1 and the \
                property's name if librdkafka refuses a property. The clients are closed at once; their log lines (a \
                refused connection, say) show only with --log-level debug.
                """)
    }

    /// Reads the report for `configuration` and prints it to standard output. The clients'
    /// own log lines (a refused connection to a broker in the moment they exist) are shown only
    /// at `--log-level debug` or `trace`: they say nothing about the configuration.
    public func print<Executable: ServiceExecutable>(_ configuration: ServiceConfiguration, for executable: Executable.Type) async throws {
        EntasLogging.bootstrap(level: configuration.logLevel <= .debug ? configuration.logLevel : .critical)
        let report = try await KafkaConfigReport.read(
            configuration: configuration, group: Executable.consumerGroup, topics: Executable.consumedTopics,
            subscription: Executable.subscriptionSettings,
            logger: Logger(label: "entas-\(Executable.serviceName)-kafka-config"))
        FileHandle.standardOutput.write(Data((json ? report.json : report.text).utf8))
    }
}
