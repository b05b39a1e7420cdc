import EntasTestKit
import EntasDev
import EntasKafka
import EntasStore
import Foundation
import Logging

/// A small Entas on loopback for one fault scenario: an embedded Kafka in this test process
/// (so the test can take its broker down) or a Tansu broker it started, and the chosen
/// executables as child processes, each with its SQLite file, log and free port in a temporary
/// folder, and a token of its own.
final class FaultSystem: @unchecked Sendable {
    struct Service: Sendable {
        /// `coordinator`, `social-aid`, `empowerment`, `umkm`, `low-cost`.
        var name: String
        var executable: String
        var port: Int
        var url: String { "http://127.0.0.1:\(port)" }
    }

    static let executables = [
        "coordinator": "entas-coordinator", "social-aid": "entas-social-aid", "empowerment": "entas-empowerment",
        "umkm": "entas-umkm", "low-cost": "entas-low-cost",
    ]
    static let clusters = ["social-aid", "empowerment", "umkm", "low-cost"]

    /// Partitions per topic. The mock keeps ~5 MiB per partition, and scenarios replay whole
    /// topics, so the households topic gets many.
    static let partitions = [
        "entas.households": 16, "entas.social-aid": 4, "entas.empowerment": 4, "entas.umkm": 4, "entas.low-cost": 4,
        "entas.dead-letter": 1,
    ]

    let directory: URL
    let broker: FaultBroker
    let secretHex: String
    private(set) var services: [String: Service] = [:]
    private(set) var processes: [String: ChildProcess] = [:]
    private(set) var tokens: [String: String] = [:]

    static var logger: Logger { quietLogger("entas.faults") }

    init(name: String, broker: FaultBroker) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("entas-faults-\(name)-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.broker = broker
        var generator = SystemRandomNumberGenerator()
        secretHex = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        try Data(secretHex.utf8).write(to: directory.appendingPathComponent("household-key.secret"))
    }

    func database(_ name: String) -> String { directory.appendingPathComponent("\(name).sqlite").path }
    func log(_ name: String) -> URL { directory.appendingPathComponent("\(name).log") }
    func url(_ name: String) -> String { services[name]?.url ?? "http://127.0.0.1:9" }
    func token(_ name: String) -> String { tokens[name] ?? "" }
    var logs: [URL] { services.keys.sorted().map(log) }

    /// Kafka settings for this test process's own clients.
    var kafkaSettings: KafkaSettings {
        KafkaSettings(bootstrapServers: broker.bootstrapServers, clientID: "entas-faults", properties: EmbeddedKafka.recommendedClientProperties)
    }

    /// Creates the topics with ``partitions`` (through the admin API on Tansu).
    func createTopics() async throws {
        let admin = try KafkaAdmin(settings: kafkaSettings, logger: Self.logger)
        try await admin.createTopics(Self.partitions.sorted { $0.key < $1.key }.map { TopicSpecification(name: $0.key, partitions: $0.value, replicationFactor: 1) })
    }

    /// Issues tokens, starts `names` and waits until each answers `/health` with 200.
    func start(_ names: [String]) async throws {
        for name in names {
            guard let executable = Self.executables[name] else { throw FaultFailure("no service \(name)") }
            services[name] = Service(name: name, executable: executable, port: try LoopbackPort.consecutive(1))
            let (status, output) = try await OneShotCommand.outcome(built: executable, ["token", "create", "--name", "faults", "--database", database(name)])
            guard status == 0 else { throw FaultFailure("token create at \(name): \(output)") }
            tokens[name] = output.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for name in names { try startProcess(name) }
        for name in names { try await waitUntilHealthy(name) }
    }

    func environment(for name: String) -> [String: String] {
        var environment = KafkaChildEnvironment.variables(bootstrapServers: broker.bootstrapServers, properties: EmbeddedKafka.recommendedClientProperties)
        environment["ENTAS_DATABASE"] = database(name)
        environment["ENTAS_HTTP_PORT"] = "\(services[name]?.port ?? 0)"
        environment["ENTAS_HTTP_HOST"] = "127.0.0.1"
        // Info level: every line a service writes in normal work is in the privacy scan.
        environment["ENTAS_LOG_LEVEL"] = "info"
        if name == "coordinator" {
            environment["ENTAS_HOUSEHOLD_KEY_SECRET_FILE"] = directory.appendingPathComponent("household-key.secret").path
        } else if services["coordinator"] != nil {
            // The worklists' link to the coordinator, as in production.
            environment["ENTAS_COORDINATOR_URL"] = url("coordinator")
            environment["ENTAS_COORDINATOR_TOKEN"] = token("coordinator")
        }
        return environment
    }

    func startProcess(_ name: String) throws {
        guard let service = services[name] else { throw FaultFailure("no service \(name)") }
        // The log is appended to across restarts, so the privacy scan sees every line a service wrote.
        processes[name] = try ChildProcess.started(
            executable: ChildProcess.builtExecutables.appendingPathComponent(service.executable), arguments: ["serve"],
            environment: environment(for: name), log: log(name))
    }

    func waitUntilHealthy(_ name: String, timeout: Duration = .seconds(120)) async throws {
        let url = self.url(name) + "/health"
        let process = processes[name]
        switch try await DevHTTP.waitUntilHealthy(url, timeout: timeout, every: .milliseconds(250), isRunning: { process?.isRunning == true }) {
        case .healthy: return
        case .exited: throw FaultFailure("\(name) exited; its log:\n\(process?.lastLines(15).joined(separator: "\n") ?? "")")
        case .timedOut: throw FaultFailure("not reached within \(timeout): \(name) healthy at \(url); its log:\n\(process?.lastLines(15).joined(separator: "\n") ?? "")")
        }
    }

    /// `kill -9` of one service.
    func killHard(_ name: String) async { await processes[name]?.killHard() }

    /// Starts a stopped or killed service again on its port and store.
    func restart(_ name: String) async throws {
        try startProcess(name)
        try await waitUntilHealthy(name)
    }

    /// SIGTERM to one service; how the stop went (nil when it was not running).
    @discardableResult
    func stop(_ name: String) async -> ChildProcess.Stop? { await processes[name]?.stop(signal: SIGTERM, timeout: .seconds(30)) }

    /// Stops every service (SIGTERM), then the broker, and removes the folder unless `keep`.
    func shutdown(keep: Bool = false) async {
        await withTaskGroup(of: Void.self) { group in
            for process in processes.values { group.addTask { await process.stop(signal: SIGTERM, timeout: .seconds(30)) } }
        }
        await broker.stop()
        if !keep { try? FileManager.default.removeItem(at: directory) }
    }

    /// How many stores the system has: one per service started.
    var storeCount: Int { services.count }

    /// `PRAGMA integrity_check` of every store: the services whose answer is not `ok`.
    func integrityFailures() -> [String] {
        services.keys.sorted().compactMap { name in
            let findings = (try? EntasBackup.integrityCheck(of: database(name))) ?? ["unreadable"]
            return findings == ["ok"] ? nil : "\(name): \(findings.prefix(3).joined(separator: "; "))"
        }
    }
}

extension FaultSystem {
    /// Runs `body` with a new system on an embedded broker, or on a Tansu broker started from
    /// `tansu`, and always shuts it down; on failure its folder (stores, logs) is kept and named.
    static func with<T>(_ name: String, tansu: RealBrokerTools? = nil, _ body: (FaultSystem) async throws -> T) async throws -> T {
        let broker: FaultBroker = if let tansu { .tansu(try await TansuBroker(tools: tansu)) } else { .embedded(try EmbeddedKafka(brokers: 1, logger: logger)) }
        let system: FaultSystem
        do {
            system = try FaultSystem(name: name, broker: broker)
            try await system.createTopics()
        } catch {
            await broker.stop()
            throw error
        }
        do {
            let result = try await body(system)
            await system.shutdown()
            return result
        } catch {
            await system.shutdown(keep: true)
            print("fault system '\(name)' kept for inspection: \(system.directory.path)")
            throw error
        }
    }
}
