import ArgumentParser
import EntasDemo
import EntasDev
import EntasDomain
import EntasKafka
import EntasService
import Foundation
import Logging
import ServiceLifecycle

extension DemoContent: ExpressibleByArgument {}

/// `entas dev`: the whole system on this machine, with the Sumberjambe demo (what `make run`
/// starts).
struct DevCommand: AsyncParsableCommand, LanguageChoosing {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "dev",
            abstract: Message("clihelp.dev.abstract").rendered(),
            discussion: Message("clihelp.dev.discussion").rendered())
    }

    @Option(help: Message("clihelp.dev.directory").help)
    var directory = ".entas"

    @Flag(help: Message("clihelp.dev.fresh").help)
    var fresh = false

    @Option(help: Message("clihelp.dev.port").help)
    var basePort = 8080

    @Option(help: Message("clihelp.dev.seed").help)
    var seed: UInt64 = DemoPlan.defaultSeed

    @Option(
        help: Message("clihelp.dev.load").help)
    var demo: DemoContent = .full

    @Option(help: Message("clihelp.dev.binaries").help)
    var binaries: String?

    @Option(
        name: .customLong("kafka-bootstrap-servers"),
        help: Message("clihelp.dev.kafka").help)
    var kafkaBootstrapServers: String?

    @Option(
        name: .customLong("kafka"),
        help: Message("clihelp.dev.kafkaProperty").help(valueName: "key=value"))
    var kafkaProperties: [String] = []

    @Option(help: Message("clihelp.dev.replication").help)
    var replicationFactor = 1

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        try inChosenLanguage {
            guard (1...65_531).contains(basePort) else { throw ValidationError(Message("cli.validation.basePort", .text(String(basePort)))) }
            guard replicationFactor >= 1 else {
                throw ValidationError(Message("cli.validation.replicationFactor", .text(String(replicationFactor))))
            }
            guard kafkaBootstrapServers != nil || kafkaProperties.isEmpty else {
                throw ValidationError(Message("cli.validation.kafkaWithoutBrokers"))
            }
            _ = try externalKafka()
        }
    }

    /// The external cluster the flags name, nil for the embedded broker.
    func externalKafka() throws -> KafkaSettings? {
        guard let kafkaBootstrapServers else { return nil }
        do {
            return try KafkaEnvironment.settings(
                environment: [:], bootstrapServers: kafkaBootstrapServers, properties: kafkaProperties, clientID: "entas-dev")
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        // The overview, the progress and the lines below are printed in the chosen language (Bahasa Indonesia by
        // default); the services' logs stay English.
        try await inChosenLanguage { try await runSystem() }
    }

    private func runSystem() async throws {
        var logger = Logger(label: "entas-dev")
        logger.logLevel = .error
        let executableDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        var options = DevSystem.Options(
            directory: URL(fileURLWithPath: directory), binaries: binaries.map { URL(fileURLWithPath: $0) } ?? executableDirectory, logger: logger)
        options.fresh = fresh
        options.basePort = basePort
        options.externalKafka = try externalKafka()
        options.replicationFactor = replicationFactor
        let system = DevSystem(options: options)
        let runner = DevRunner(
            system: system, seed: seed, demo: demo,
            progress: { line in Console.error(line) },
            report: { system in await Self.report(system) })
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: runner)], gracefulShutdownSignals: [.sigint, .sigterm], logger: logger))
        try await group.run()
    }

    /// The provincial overview, the Jember → Sumberjambe drill-down, then how to use the system.
    static func report(_ system: DevSystem) async {
        guard let coordinator = system.service("coordinator"), let token = system.tokens["coordinator"] else { return }
        for (title, region) in [("Jawa Timur", "35"), ("Kabupaten Jember", "35.09"), ("Kecamatan Sumberjambe", "35.09.31")] {
            do {
                let command = try OverviewCommand.parse(["--region", region, "--wide", "--coordinator", coordinator.url, "--token", token])
                Console.out("\n\(title) (\(region))\n" + (try await command.output(environment: [:])))
            } catch {
                Console.error(Message("cli.dev.overviewFailed", .text(region), .error(error)).rendered())
            }
        }
        do {
            // People reached (jiwa) per strategy: PKH reaches families, PIP its pupils one by one.
            let command = try StrategiesCommand.parse(["--region", "35.09.31", "--coordinator", coordinator.url, "--token", token])
            Console.out("\n" + (try await command.output(environment: [:])))
        } catch {
            Console.error(Message("cli.dev.strategiesFailed", .text("35.09.31"), .error(error)).rendered())
        }
        var lines = ["", Message("cli.dev.services", .text(system.layout.tokensFile.path)).rendered()]
        for service in system.services {
            lines.append("  \(service.executable.padding(toLength: 20, withPad: " ", startingAt: 0)) \(service.url)")
        }
        lines += [
            system.kafka == nil
                ? "Kafka: \(system.bootstrapServers ?? "")"
                : Message("cli.dev.kafkaEmbedded", .text(system.bootstrapServers ?? "")).rendered(),
            "",
            Message("cli.dev.try").rendered(),
            "  source \(system.layout.tokensFile.path)",
            "  entas overview --region 35.09.31",
            "  entas gaps --region 35.09.31 --status SM",
            "  entas strategies --region 35.09.31               # " + Message("cli.dev.try.strategies").rendered(),
            "  entas plan --region 35.09 --period 2025          # " + Message("cli.dev.try.plan").rendered(),
            "  entas evaluate --period 2025                     # " + Message("cli.dev.try.evaluate").rendered(),
            "  entas plan --region 35.09 --period 2026          # " + Message("cli.dev.try.nextYear").rendered(),
            "  entas evaluate --region 35.09 --period 2025 --report jember-2025.html",
            "  entas watch",
            "  curl -s -H \"Authorization: Bearer $ENTAS_TOKEN\" $ENTAS_COORDINATOR_URL/v1/overview?region=35.09",
            "",
            Message("cli.dev.serving").rendered(),
        ]
        Console.out(lines.joined(separator: "\n"))
    }
}
