import ArgumentParser
import EntasDomain
import EntasKafka
import EntasService
import Foundation
import Logging
import ServiceLifecycle

/// `entas watch`: prints household events as they arrive on Kafka, one line each, until
/// Ctrl-C. It joins a consumer group of its own, so it takes nothing from the services.
struct WatchCommand: AsyncParsableCommand, LanguageChoosing {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "watch",
            abstract: Message("clihelp.watch.abstract").rendered(),
            discussion: Message("clihelp.watch.discussion").rendered())
    }

    @Option(help: Message("clihelp.watch.region").help)
    var region: RegionArgument?

    @Option(
        name: .customLong("type"),
        help: Message("clihelp.watch.types").help(valueName: "types"))
    var types: [String] = []

    @Flag(help: Message("clihelp.watch.fromBeginning").help)
    var fromBeginning = false

    @OptionGroup var kafka: KafkaOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        try inChosenLanguage {
            if let region { _ = try region.validated() }
            do {
                _ = try EventFilter.typeNames(types)
                _ = try kafkaSettings(environment: ProcessInfo.processInfo.environment)
            } catch let error as UnknownEventTypeError {
                throw ValidationError(error.description)
            } catch let error as ConfigurationError {
                throw ValidationError(error.description)
            }
        }
    }

    /// The filter the options describe.
    func filter() throws -> EventFilter {
        EventFilter(region: try region?.validated(), typeNames: try EventFilter.typeNames(types))
    }

    func kafkaSettings(environment: [String: String]) throws -> KafkaSettings {
        try kafka.settings(environment: environment, clientID: "entas-watch")
    }

    /// The consumer settings: a group of its own, every Entas topic, newest or oldest first.
    func consumerSettings(environment: [String: String]) throws -> KafkaConsumerSettings {
        KafkaConsumerSettings(
            kafka: try kafkaSettings(environment: environment),
            groupID: "entas-watch-\(UUID().lowercaseText)",
            topics: EventWatcher.topics.map(\.name),
            startFrom: fromBeginning ? .earliest : .latest)
    }

    func run() async throws {
        try await inChosenLanguage { try await watch() }
    }

    private func watch() async throws {
        EntasLogging.bootstrap(level: .error)
        let settings = try consumerSettings(environment: ProcessInfo.processInfo.environment)
        let logger = Logger(label: "entas-watch")
        let consumer = try KafkaConsumer(settings: settings, logger: logger)
        let topics = EventWatcher.topics.map(\.name).joined(separator: ", ")
        Console.error(
            (fromBeginning
                ? Message("cli.watch.startOldest", .text(topics), .text(settings.kafka.bootstrapServers))
                : Message("cli.watch.startNewest", .text(topics), .text(settings.kafka.bootstrapServers))).rendered())
        let watcher = WatchService(watcher: EventWatcher(filter: try filter()), consumer: consumer)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: watcher, successTerminationBehavior: .gracefullyShutdownGroup)],
                gracefulShutdownSignals: [.sigint, .sigterm], logger: logger))
        try await group.run()
        Console.error(Message("cli.watch.stopped").rendered())
    }
}

/// `entas watch` as a service, so that SIGINT and SIGTERM stop it through ServiceLifecycle:
/// the event loop ends, then the consumer leaves its group.
struct WatchService: Service {
    let watcher: EventWatcher
    let consumer: KafkaConsumer

    func run() async throws {
        do {
            try await watcher.run(consumer, emit: Console.out, warn: Console.error)
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
    }
}
