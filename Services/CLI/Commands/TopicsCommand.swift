import ArgumentParser
import EntasDev
import EntasDomain
import EntasKafka
import EntasService
import Foundation
import Logging

/// `entas topics`: the Entas topics on a Kafka cluster.
struct TopicsCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "topics",
            abstract: Message("clihelp.topics.abstract").rendered(),
            subcommands: [TopicsCreateCommand.self])
    }
}

/// `entas topics create`: the six topics with the partitions, retention and cleanup of
/// docs/operations.md, through the admin API; topics that exist are left alone and reported.
struct TopicsCreateCommand: AsyncParsableCommand, LanguageChoosing {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "create",
            abstract: Message("clihelp.topics.create.abstract").rendered(),
            discussion: Message("clihelp.topics.create.discussion").rendered())
    }

    @OptionGroup var kafka: KafkaOptions

    @Option(help: Message("clihelp.topics.create.replication").help)
    var replicationFactor = 3

    @Option(help: Message("clihelp.topics.create.timeout").help)
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
