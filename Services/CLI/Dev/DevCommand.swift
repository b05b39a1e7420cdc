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
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Run the whole system on this machine with the Sumberjambe demo, until Ctrl-C.",
        discussion: """
            Starts an embedded Kafka in this process (librdkafka's mock cluster, loopback only, its log in memory only),
            then entas-coordinator, entas-social-aid, entas-empowerment, entas-umkm and entas-low-cost as child
            processes, each with its SQLite file under --directory and its own port. Issues dev tokens (written to
            <directory>/tokens.env), loads the demo through the services' APIs, prints the overview, and serves until
            Ctrl-C, which stops every child. Running it again reuses the directory without duplicating households;
            --fresh starts over. Production runs each service against a real Kafka cluster (see deploy/).

            With --kafka-bootstrap-servers it runs on that existing cluster instead (a Tansu or Apache Kafka broker;
            librdkafka 2.2 or later, docs/kafka.md): the Entas topics are created where missing (as `entas topics
            create --replication-factor N` does), and the children get the brokers and each --kafka property.
            KAFKA_BOOTSTRAP_SERVERS is not read here, so a sourced tokens.env does not send it elsewhere.
            """)

    @Option(help: "Where the stores, logs, tokens and secret live.")
    var directory = ".entas"

    @Flag(help: "Remove the directory first and load the demo anew.")
    var fresh = false

    @Option(help: "Port of the coordinator; the four cluster services take the next four.")
    var basePort = 8080

    @Option(help: "Seed of the demo generator (the same seed gives the same households).")
    var seed: UInt64 = DemoPlan.defaultSeed

    @Option(
        help: """
            What to load: full (households and the programme cycle), plan (households, the clusters' commitments and Bappeda's             targets, nothing done yet), households (the PPLS 2008 households only), none.
            """)
    var demo: DemoContent = .full

    @Option(help: "Where the Entas executables are (default: beside this one).")
    var binaries: String?

    @Option(
        name: .customLong("kafka-bootstrap-servers"),
        help: "Run on this existing Kafka cluster, host:port[,…], instead of the embedded broker.")
    var kafkaBootstrapServers: String?

    @Option(
        name: .customLong("kafka"),
        help: ArgumentHelp("A librdkafka property for the external cluster, key=value; repeatable.", valueName: "key=value"))
    var kafkaProperties: [String] = []

    @Option(help: "Replicas of the topics created on the external cluster.")
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
