import EntasService
import ArgumentParser
import EntasDomain
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import EntasStore
import GRDB

/// A cluster executable names its definition through this protocol; the commands below
/// are shared by all four.
public protocol ClusterExecutable: ServiceExecutable {
    static var definition: ClusterDefinition { get }
}

extension ClusterExecutable {
    public static var serviceName: String { definition.serviceName }
    public static func registerMigrations(_ migrator: inout DatabaseMigrator) { definition.registerMigrations(&migrator) }
    public static var consumedTopics: [EntasTopic] { ClusterEventHandler.topics }
}

/// `entas-<cluster> serve` (the default): runs the service until SIGTERM or SIGINT.
public struct ServeCommand<Executable: ClusterExecutable>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "serve", abstract: "Run the \(Executable.definition.cluster.indonesianName) service (the default).")
    }

    @OptionGroup public var options: ServiceOptions

    public init() {}

    public func run() async throws {
        let definition = Executable.definition
        let environment = ProcessInfo.processInfo.environment
        let configuration = try options.configuration(
            service: definition.serviceName, defaultPort: definition.defaultPort, environment: environment)
        let coordinator = try CoordinatorLink.configured(in: environment)
        EntasLogging.bootstrap(level: configuration.logLevel)
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let logger = Logger(label: definition.executableName)
        let app = try ClusterApplication.build(
            definition: definition, configuration: configuration, registry: registry, logger: logger, coordinator: coordinator)
        try await ServiceShutdown.group(running: app, logger: logger).run()
    }
}
