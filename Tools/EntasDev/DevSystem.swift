import EntasDomain
import EntasKafka
import EntasService
import Foundation
import Logging
import Synchronization

/// The whole system on one machine: an embedded Kafka in this process (or an existing cluster,
/// ``Options/externalKafka``), and the four cluster services and the coordinator as child
/// processes of their own executables, each with its SQLite file under the dev folder and its
/// own port, talking only through Kafka and HTTP.
public final class DevSystem: Sendable {
    public struct Options: Sendable {
        public var directory: URL
        public var fresh = false
        public var basePort = 8080
        /// Where the executables are (default: beside the running `entas`).
        public var binaries: URL
        public var logger: Logger
        /// An existing Kafka cluster to run on instead of the embedded one: its brokers and any
        /// librdkafka properties (SASL/SSL). The Entas topics are created on it where missing.
        public var externalKafka: KafkaSettings?
        /// Replicas of the topics created on an external cluster.
        public var replicationFactor = 1

        public init(directory: URL, binaries: URL, logger: Logger) {
            self.directory = directory
            self.binaries = binaries
            self.logger = logger
        }
    }

    public let options: Options
    public let layout: DevLayout
    public let services: [DevService]
    /// What `start` brings up, read by the other tasks (`report`, `watchChildren`, `stop`).
    private struct Running: Sendable {
        var kafka: EmbeddedKafka?
        /// The brokers the children use: the embedded one's or the external cluster's.
        var bootstrapServers: String?
        var tokens: [String: String] = [:]
        var children: [Child] = []
    }
    /// A service's child process.
    private struct Child: Sendable {
        let service: DevService
        let process: ChildProcess
    }
    private let running = Mutex(Running())

    /// The embedded broker, once started (nil on an external cluster).
    public var kafka: EmbeddedKafka? { running.withLock { $0.kafka } }
    /// The brokers the services use, once started.
    public var bootstrapServers: String? { running.withLock { $0.bootstrapServers } }
    /// Each service's dev token by service name (and the coordinator's admin token under ``adminTokenKey``).
    public var tokens: [String: String] { running.withLock { $0.tokens } }
    private var children: [Child] { running.withLock { $0.children } }

    public init(options: Options) {
        self.options = options
        self.layout = DevLayout(directory: options.directory)
        self.services = DevService.all(basePort: options.basePort)
    }

    public func service(_ name: String) -> DevService? { services.first { $0.name == name } }

    /// Starts everything and returns once every service answers `/health` with 200.
    public func start(progress: @Sendable (String) -> Void) async throws {
        try layout.prepare(fresh: options.fresh)
        try layout.ensureSecret()
        for service in services {
            let path = options.binaries.appendingPathComponent(service.executable).path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw DevError.missingExecutable(service.executable, directory: options.binaries.path)
            }
        }
        // A port already taken would only show as a child's bind error after the tokens and the broker.
        for service in services where !LoopbackPort.isFree(service.port) {
            throw DevError.portInUse(service: service.executable, port: service.port, basePort: options.basePort)
        }
        let kafka = try await startKafka(progress: progress)
        try Data((kafka.bootstrapServers + "\n").utf8).write(to: layout.bootstrapFile)

        for service in services {
            let token = try await issueToken(for: service)
            running.withLock { $0.tokens[service.name] = token }
        }
        if let coordinator = service("coordinator") {
            let token = try await issueToken(for: coordinator, name: "entas-dev-admin", role: "admin")
            running.withLock { $0.tokens[Self.adminTokenKey] = token }
            // A Jember-only operator: the coordinator's views of Kabupaten Jember, nothing outside it.
            let jember = try await issueToken(for: coordinator, name: "entas-dev-jember", role: "read", region: Self.jemberRegion)
            running.withLock { $0.tokens[Self.jemberTokenKey] = jember }
        }
        if let socialAid = service("social-aid") {
            let jember = try await issueToken(for: socialAid, name: "entas-dev-dinsos-jember", role: "write", region: Self.jemberRegion)
            running.withLock { $0.tokens[Self.socialAidJemberTokenKey] = jember }
        }
        try writeTokensFile()
        progress(Message("dev.tokensIssued", .text(layout.tokensFile.path)).rendered())

        for service in services {
            let process = try ChildProcess.started(
                executable: options.binaries.appendingPathComponent(service.executable),
                environment: environment(for: service, kafka: kafka), log: layout.log(service.name))
            running.withLock { $0.children.append(Child(service: service, process: process)) }
        }
        try Data(children.map { "\($0.process.pid) \($0.service.executable)" }.joined(separator: "\n").utf8).write(to: layout.pidsFile)
        progress(Message("dev.started", .text(services.map(\.executable).joined(separator: ", ")), .text(layout.logs.path)).rendered())
        for child in children {
            try await waitUntilHealthy(child)
            progress("  " + Message("dev.healthy", .text(child.service.executable), .text(child.service.url)).rendered())
        }
    }

    /// The embedded broker with the Entas topics, or the Entas topics created where missing on
    /// the external cluster; returns the brokers and properties the children get.
    private func startKafka(progress: @Sendable (String) -> Void) async throws -> KafkaSettings {
        if let external = options.externalKafka {
            progress(Message("dev.kafkaExternal", .text(external.bootstrapServers), .text(KafkaLibrary.version)).rendered())
            let creations = try await EntasTopicSetup.createTopics(
                settings: external, replicationFactor: options.replicationFactor, logger: options.logger)
            for creation in creations { progress("  " + TopicCreationText.describe(creation)) }
            running.withLock { $0.bootstrapServers = external.bootstrapServers }
            // Quick group joins and deliveries for development; the caller's properties win.
            return KafkaSettings(
                bootstrapServers: external.bootstrapServers, clientID: external.clientID,
                properties: EmbeddedKafka.recommendedClientProperties.merging(external.properties) { $1 })
        }
        let kafka = try EmbeddedKafka(brokers: 1, logger: options.logger)
        running.withLock {
            $0.kafka = kafka
            $0.bootstrapServers = kafka.bootstrapServers
        }
        let settings = KafkaSettings(bootstrapServers: kafka.bootstrapServers, properties: EmbeddedKafka.recommendedClientProperties)
        try await EntasTopicSetup.createTopics(settings: settings, replicationFactor: 1, logger: options.logger)
        progress(Message("dev.kafkaEmbedded", .text(kafka.bootstrapServers)).rendered())
        return settings
    }

    func environment(for service: DevService, kafka: KafkaSettings) -> [String: String] {
        var environment = KafkaChildEnvironment.variables(bootstrapServers: kafka.bootstrapServers, properties: kafka.properties)
        environment["ENTAS_DATABASE"] = layout.database(service.name)
        environment["ENTAS_HTTP_PORT"] = "\(service.port)"
        environment["ENTAS_HTTP_HOST"] = "127.0.0.1"
        environment["ENTAS_LOG_LEVEL"] = "notice"
        if service.name == "coordinator" {
            environment["ENTAS_HOUSEHOLD_KEY_SECRET_FILE"] = layout.secretFile
        } else if let coordinator = self.service("coordinator"), let token = tokens["coordinator"] {
            // Worklists ask the coordinator which households are flagged, with the dev coordinator token.
            environment["ENTAS_COORDINATOR_URL"] = coordinator.url
            environment["ENTAS_COORDINATOR_TOKEN"] = token
        }
        return environment
    }

    /// The key of the coordinator's admin token in ``tokens`` (Bappeda's, for `entas target set`).
    public static let adminTokenKey = "coordinator-admin"

    /// The keys in ``tokens`` of the Jember-only operator's tokens (coordinator, read; social aid, write).
    public static let jemberTokenKey = "coordinator-jember"
    public static let socialAidJemberTokenKey = "social-aid-jember"
    /// Kabupaten Jember, the demo's regional operators' region.
    static let jemberRegion = "35.09"

    /// Revokes the previous dev token of `name` and issues a new one with `role` in `region`, through the
    /// service's own `token` command on its database.
    func issueToken(for service: DevService, name: String = "entas-dev", role: String = "write", region: String = "35") async throws -> String {
        let executable = options.binaries.appendingPathComponent(service.executable)
        let database = layout.database(service.name)
        _ = try await OneShotCommand.run(executable, ["token", "revoke", "--name", name, "--database", database])
        let output = try await OneShotCommand.run(
            executable, ["token", "create", "--name", name, "--role", role, "--region", region, "--database", database])
        let token = output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.hasPrefix("entas.\(service.name).") else { throw DevError.tokenFailed(service: service.name, output: output) }
        return token
    }

    private func writeTokensFile() throws {
        let tokens = self.tokens
        var lines = ["# Tokens and URLs of the running `entas dev` (source this file)."]
        for service in services {
            lines.append("export \(service.urlVariable)=\(service.url)")
            lines.append("export \(service.tokenVariable)=\(tokens[service.name] ?? "")")
        }
        lines.append("export ENTAS_COORDINATOR_URL=\(service("coordinator")?.url ?? "")")
        lines.append("export ENTAS_TOKEN=\(tokens["coordinator"] ?? "")")
        lines.append("# The coordinator's admin token, for `entas target set` (Bappeda).")
        lines.append("export ENTAS_ADMIN_TOKEN=\(tokens[Self.adminTokenKey] ?? "")")
        lines.append("# A Jember-only operator (Kabupaten Jember, 35.09): the coordinator's views (read) and social aid (write).")
        lines.append("export ENTAS_JEMBER_TOKEN=\(tokens[Self.jemberTokenKey] ?? "")")
        lines.append("export ENTAS_SOCIAL_AID_JEMBER_TOKEN=\(tokens[Self.socialAidJemberTokenKey] ?? "")")
        lines.append("export KAFKA_BOOTSTRAP_SERVERS=\(bootstrapServers ?? "")")
        guard FileManager.default.createFile(
            atPath: layout.tokensFile.path, contents: Data((lines.joined(separator: "\n") + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else { throw DevError.cannotWrite(layout.tokensFile.path) }
    }

    private func waitUntilHealthy(_ child: Child, timeout: Duration = .seconds(90)) async throws {
        let process = child.process
        switch try await DevHTTP.waitUntilHealthy(child.service.url + "/health", timeout: timeout, isRunning: { process.isRunning }) {
        case .healthy: return
        case .exited: throw exited(child)
        case .timedOut:
            throw DevError.notHealthy(service: child.service.executable, url: child.service.url + "/health", lastLines: process.lastLines(), log: process.log.path)
        }
    }

    private func exited(_ child: Child) -> DevError {
        .childExited(service: child.service.executable, status: child.process.exitStatus, lastLines: child.process.lastLines(), log: child.process.log.path)
    }

    /// Returns (throwing) as soon as a child exits while it should be running.
    public func watchChildren() async throws {
        while !Task.isCancelled {
            for child in children where !child.process.isRunning { throw exited(child) }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    /// Stops the children (SIGINT, then SIGKILL after 10 s), then the embedded broker.
    public func stop() async {
        await withTaskGroup(of: Void.self) { group in
            for child in children { group.addTask { await child.process.stop() } }
        }
        kafka?.stop()
    }

    /// The PIDs of the children, for tests that check nothing is left.
    public var childPIDs: [Int32] { children.map(\.process.pid) }
}
