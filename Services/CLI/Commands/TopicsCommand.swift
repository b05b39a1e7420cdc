import ArgumentParser
import EntasDev
import EntasDomain
import EntasKafka
import EntasService
import Foundation
import Logging

/// `entas topics`: the Entas topics on a Kafka cluster.
struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Create the Entas topics on a Kafka cluster (once, before the services first start).",
        subcommands: [TopicsCreateCommand.self])
}

/// `entas topics create`: the six topics with the partitions, retention and cleanup of
/// docs/operations.md, through the admin API; topics that exist are left alone and reported.
struct TopicsCreateCommand: AsyncParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create the Entas topics that do not exist yet; leave those that do alone and say so.",
        discussion: """
            Creates entas.households and entas.social-aid (8 partitions), entas.empowerment, entas.umkm and \
            entas.low-cost (4), kept forever (cleanup.policy=delete, retention.ms=-1), and entas.dead-letter \
            (1 partition, kept 30 days), with --replication-factor replicas and, from 3 replicas, \
            min.insync.replicas=2 (docs/operations.md). A topic that exists keeps its settings. Brokers from \
            --kafka-bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS; SASL/SSL with --kafka key=value or KAFKA_<NAME>, \
            as the services take them. Exits non-zero when the cluster cannot be reached or refuses a topic.
            """)

    @OptionGroup var kafka: KafkaOptions

    @Option(help: "Replicas of each topic: 3 on the province's cluster, 1 on a single development broker.")
    var replicationFactor = 3

    @Option(help: "Seconds to wait for the cluster's answer.")
    var timeout = 30

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        try inChosenLanguage {
            guard replicationFactor >= 1 else {
                throw ValidationError(Message("cli.validation.replicationFactor", .text(String(replicationFactor))))
            }
            guard timeout >= 1 else { throw ValidationError(Message("cli.validation.timeout", .text(String(timeout)))) }
            do {
                _ = try kafka.settings(environment: ProcessInfo.processInfo.environment, clientID: "entas-topics")
            } catch {
                throw ValidationError("\(error)")
            }
        }
    }

    func run() async throws {
        try await inChosenLanguage { try await create() }
    }

    private func create() async throws {
        var logger = Logger(label: "entas-topics")
        logger.logLevel = .error
        let settings = try kafka.settings(environment: ProcessInfo.processInfo.environment, clientID: "entas-topics")
        let creations = try await EntasTopicSetup.createTopics(
            settings: settings, replicationFactor: replicationFactor, timeout: .seconds(timeout), logger: logger)
        for creation in creations { Console.out(TopicCreationText.describe(creation)) }
    }
}
