import EntasAPI
import ArgumentParser
import EntasService
import Foundation
import GRDB
import Hummingbird
import Logging
import Metrics
import Prometheus

/// `entas-coordinator`: the consensus views of the four clusters, for Bappeda.
@main
struct CoordinatorCommand: AsyncParsableCommand, ServiceExecutable {
    static let serviceName = "coordinator"
    static let defaultPort = 8080

    static let consumerGroup = CoordinatorApplication.consumerGroup
    static let consumedTopics = CoordinatorApplication.topics
    static let subscriptionSettings = CoordinatorApplication.subscriptionSettings

    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        CoordinatorApplication.registerMigrations(&migrator)
    }

    static let configuration = CommandConfiguration(
        commandName: "entas-coordinator",
        abstract: "Consensus views of the four clusters: coverage, gaps, conflicts, progress (Bappeda).",
        subcommands: [
            Serve.self, Rebuild.self, TokenCommand<CoordinatorCommand>.self, BackupCommand<CoordinatorCommand>.self, KafkaConfig.self,
        ],
        defaultSubcommand: Serve.self)

    /// Flags of serve and rebuild.
    struct Options: ParsableArguments {
        @OptionGroup var service: ServiceOptions

        @Option(help: "File holding the household key secret in hex (env ENTAS_HOUSEHOLD_KEY_SECRET_FILE, or the secret itself in ENTAS_HOUSEHOLD_KEY_SECRET).")
        var householdKeySecretFile: String?

        func load() throws -> (ServiceConfiguration, HouseholdKeySecret) {
            let environment = ProcessInfo.processInfo.environment
            return (try serviceConfiguration(), try CoordinatorSettings.secret(file: householdKeySecretFile, environment: environment))
        }

        /// The configuration without the household key secret (kafka-config needs no secret).
        func serviceConfiguration() throws -> ServiceConfiguration {
            try service.configuration(service: serviceName, defaultPort: defaultPort, environment: ProcessInfo.processInfo.environment)
        }
    }

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the coordinator (the default).")
        @OptionGroup var options: Options

        func run() async throws {
            let (configuration, secret) = try options.load()
            EntasLogging.bootstrap(level: configuration.logLevel)
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            let logger = Logger(label: "entas-coordinator")
            let app = try CoordinatorApplication.build(configuration: configuration, secret: secret, registry: registry, logger: logger)
            try await ServiceShutdown.group(running: app, logger: logger).run()
        }
    }

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay every topic from the beginning into a fresh store and put it in place (stop the coordinator first).")
        @OptionGroup var options: Options

        func run() async throws {
            let (configuration, secret) = try options.load()
            EntasLogging.bootstrap(level: configuration.logLevel)
            var rebuild = CoordinatorRebuild(configuration: configuration, secret: secret, logger: Logger(label: "entas-coordinator-rebuild"))
            rebuild.progress = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
            let outcome = try await rebuild.run()
            print("rebuilt \(configuration.databasePath): \(outcome.eventsApplied) events applied, \(outcome.skipped) undecodable skipped")
        }
    }

    /// `entas-coordinator kafka-config`: the serve flags (the household key secret is accepted
    /// and not read), the shared report.
    struct KafkaConfig: AsyncParsableCommand {
        static let configuration = KafkaConfigOutput.configuration
        @OptionGroup var options: Options
        @OptionGroup var output: KafkaConfigOutput

        func run() async throws {
            try await output.print(try options.serviceConfiguration(), for: CoordinatorCommand.self)
        }
    }
}
