import EntasDomain
import EntasService
import Foundation
import Testing

/// deploy/compose.yaml: valid for Compose, and the cluster, topics and services it
/// describes are the ones docs/operations.md promises. No Docker engine is needed: Compose
/// checks a file without one.
@Suite("deploy/compose.yaml")
struct ComposeFileTests {
    static let brokers = ["kafka-1", "kafka-2", "kafka-3"]

    /// Every topic the job must create: partitions and the settings docs/operations.md
    /// states. entas.households is kept forever, not compacted (see the comment in
    /// compose.yaml and docs/operations.md).
    static let topics: [String: (partitions: Int, configs: [String: String])] = [
        "entas.households": (8, ["min.insync.replicas": "2", "cleanup.policy": "delete", "retention.ms": "-1", "retention.bytes": "-1"]),
        "entas.social-aid": (8, ["min.insync.replicas": "2", "cleanup.policy": "delete", "retention.ms": "-1", "retention.bytes": "-1"]),
        "entas.empowerment": (4, ["min.insync.replicas": "2", "cleanup.policy": "delete", "retention.ms": "-1", "retention.bytes": "-1"]),
        "entas.umkm": (4, ["min.insync.replicas": "2", "cleanup.policy": "delete", "retention.ms": "-1", "retention.bytes": "-1"]),
        "entas.low-cost": (4, ["min.insync.replicas": "2", "cleanup.policy": "delete", "retention.ms": "-1", "retention.bytes": "-1"]),
        "entas.dead-letter": (1, ["min.insync.replicas": "2", "cleanup.policy": "delete", "retention.ms": "2592000000", "retention.bytes": "-1"]),
    ]

    @Test("Compose accepts the file (docker-compose config, and docker compose v2 where installed)")
    func composeAcceptsTheFile() throws {
        var clients: [(String, [String])] = []
        if let compose = Command.find("docker-compose") {
            clients.append((compose, ["-f", ComposeDocument.path, "config", "-q"]))
        }
        if let docker = Command.find("docker"), (try? Command.run(docker, ["compose", "version"]))?.status == 0 {
            clients.append((docker, ["compose", "-f", ComposeDocument.path, "config", "-q"]))
        }
        try #require(
            !clients.isEmpty,
            "No Compose client is installed. Run `make setup-test` (it installs Debian's docker-compose, which checks a file without a Docker engine).")
        for (client, arguments) in clients {
            let result = try Command.run(client, arguments)
            #expect(result.status == 0 && result.errors.isEmpty, "\(client) \(arguments.joined(separator: " ")):\n\(result.transcript)")
        }
    }

    @Test("three KRaft nodes, each broker and controller, pinned image, replication 3, min.insync.replicas 2")
    func threeBrokers() throws {
        let compose = try ComposeDocument.load()
        let services = try #require(compose["services"]?.object)
        var nodeIDs: Set<String> = []
        var images: Set<String> = []
        for broker in Self.brokers {
            let service = try #require(services[broker], "no service \(broker)")
            let image = try #require(service["image"]?.text)
            images.insert(image)
            #expect(image.hasPrefix("apache/kafka:") && image != "apache/kafka:latest", "\(broker): the official image, pinned: \(image)")
            let environment = try #require(service["environment"]?.object, "\(broker) has no environment")
            func setting(_ name: String) -> String? { environment[name]?.text }
            #expect(setting("KAFKA_PROCESS_ROLES").map { Set($0.split(separator: ",").map(String.init)) } == ["broker", "controller"])
            #expect(setting("KAFKA_CONTROLLER_QUORUM_VOTERS") == "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
            #expect(setting("KAFKA_DEFAULT_REPLICATION_FACTOR") == "3")
            #expect(setting("KAFKA_MIN_INSYNC_REPLICAS") == "2")
            #expect(setting("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR") == "3")
            #expect(setting("KAFKA_AUTO_CREATE_TOPICS_ENABLE") == "false")
            #expect(setting("CLUSTER_ID") != nil)
            nodeIDs.insert(try #require(setting("KAFKA_NODE_ID")))
            // The log directory is a volume, so the broker's data outlives its container.
            let logDirectory = try #require(setting("KAFKA_LOG_DIRS"))
            #expect(service["volumes"]?.texts?.contains { $0.hasSuffix(":\(logDirectory)") } == true, "\(broker): no volume at \(logDirectory)")
            #expect(service["healthcheck"]?["test"] != nil, "\(broker) has no health check")
        }
        #expect(nodeIDs == ["1", "2", "3"])
        #expect(images.count == 1, "the brokers run different images: \(images)")
    }

    @Test("the topic job creates every Entas topic with its partitions, replication and retention")
    func topicJob() throws {
        let compose = try ComposeDocument.load()
        let job = try #require(compose["services"]?["kafka-topics"], "no kafka-topics service")
        #expect(job["image"]?.text == compose["services"]?["kafka-1"]?["image"]?.text, "the job runs the brokers' image (its kafka-topics.sh)")
        for broker in Self.brokers {
            #expect(job["depends_on"]?[broker]?["condition"]?.text == "service_healthy", "the job waits for \(broker)")
        }
        let script = try #require(job["command"]?.texts?.joined(separator: "\n"))
        #expect(script.contains("kafka-topics.sh"))
        #expect(script.contains("--replication-factor 3"))

        // `topic NAME PARTITIONS key=value,…` lines.
        var created: [String: (partitions: Int, configs: [String: String])] = [:]
        for line in script.matches(of: #"^\s*topic (\S+) (\d+) (\S+)\s*$"#, options: .anchorsMatchLines) {
            var configs: [String: String] = [:]
            for pair in line[3].split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                configs[parts[0]] = parts.count == 2 ? parts[1] : ""
            }
            created[line[1]] = (Int(line[2]) ?? 0, configs)
        }
        #expect(Set(created.keys) == Set(Self.topics.keys))
        for (name, expected) in Self.topics {
            let actual = try #require(created[name], "\(name) is not created")
            #expect(actual.partitions == expected.partitions, "\(name) partitions")
            #expect(actual.configs == expected.configs, "\(name) configs")
        }
        // entas.households keeps every record of a household: never compacted.
        #expect(created["entas.households"]?.configs["cleanup.policy"]?.contains("compact") == false)

        // The topics the code publishes to and reads (EntasTopic's cases) are exactly these,
        // and `entas topics create` gives the same partitions and configs.
        #expect(Set(EntasTopic.allCases.map(\.rawValue)) == Set(Self.topics.keys), "EntasTopic names \(EntasTopic.allCases.map(\.rawValue).sorted())")
        // `entas topics create` (and `entas dev`) lay the topics out as the job does.
        for specification in EntasTopic.specifications(replicationFactor: 3) {
            #expect(specification.partitions == Self.topics[specification.name]?.partitions, "\(specification.name): entas topics create's partitions")
            #expect(specification.configs == Self.topics[specification.name]?.configs, "\(specification.name): entas topics create's configs")
        }
    }

    @Test("five services, each with its executable, port, store volume, health check, waiting for the topics", arguments: DeployedService.all)
    func service(_ deployed: DeployedService) throws {
        let compose = try ComposeDocument.load()
        let service = try #require(compose["services"]?[deployed.name], "no service \(deployed.name)")
        #expect(service["build"]?["dockerfile"]?.text == "deploy/Dockerfile")
        #expect(service["command"]?.texts == [deployed.executable, "serve"])
        #expect(service["depends_on"]?["kafka-topics"]?["condition"]?.text == "service_completed_successfully")
        #expect(service["restart"]?.text == "unless-stopped")
        #expect(service["stop_signal"]?.text == "SIGTERM")

        let environment = try #require(service["environment"]?.object)
        #expect(environment["KAFKA_BOOTSTRAP_SERVERS"]?.text == "kafka-1:19092,kafka-2:19092,kafka-3:19092")
        #expect(environment["ENTAS_HTTP_HOST"]?.text == "0.0.0.0", "the API must listen beyond the container's loopback")
        let port = try #require(environment["ENTAS_HTTP_PORT"]?.text)
        #expect(service["ports"]?.texts == ["127.0.0.1:\(port):\(port)"])
        let health = try #require(service["healthcheck"]?["test"]?.texts)
        #expect(health.contains("http://127.0.0.1:\(port)/health"), "health check \(health)")

        // The SQLite file is on the service's own named volume.
        let database = try #require(environment["ENTAS_DATABASE"]?.text)
        let folder = (database as NSString).deletingLastPathComponent
        #expect(service["volumes"]?.texts == ["\(deployed.name):\(folder)"])
        #expect(compose["volumes"]?.object?.keys.contains(deployed.name) == true, "volume \(deployed.name) is not declared")

        if deployed.name == "coordinator" {
            let secretFile = try #require(environment["ENTAS_HOUSEHOLD_KEY_SECRET_FILE"]?.text)
            let secret = try #require(service["secrets"]?.texts?.first)
            #expect(secretFile == "/run/secrets/\(secret)")
            #expect(compose["secrets"]?[secret]?["file"] != nil)
        }
    }

    @Test("each service's command is accepted by its executable", arguments: DeployedService.all)
    func commandIsAccepted(_ deployed: DeployedService) throws {
        let compose = try ComposeDocument.load()
        let command = try #require(compose["services"]?[deployed.name]?["command"]?.texts)
        let executable = try BuiltProducts.directory().appendingPathComponent(try #require(command.first)).path
        let result = try Command.run(executable, Array(command.dropFirst()) + ["--help"])
        #expect(result.status == 0, "\(command.joined(separator: " ")) --help:\n\(result.transcript)")
    }
}
