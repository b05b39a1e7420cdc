import EntasDev
import EntasService
import Foundation
import Synchronization

/// An Entas service (`entas-coordinator`, `entas-social-aid`, …) as a child process of its own
/// release executable, on a fresh store in the run's folder, against the bench's broker on
/// loopback, configured through the environment as `entas dev` configures its children.
final class ServiceProcess: Sendable {
    /// `coordinator`, `social-aid`, `empowerment`, `umkm` or `low-cost`.
    let service: String
    let client: HTTPClient
    let databasePath: String
    private let executable: URL
    private let environment: [String: String]
    private let current: Mutex<ChildProcess>

    /// The running child (another one after ``restart(beforeStart:)``).
    var program: ChildProcess { current.withLock { $0 } }

    /// The executable of each service.
    static let executables = [
        "coordinator": "entas-coordinator", "social-aid": "entas-social-aid", "empowerment": "entas-empowerment",
        "umkm": "entas-umkm", "low-cost": "entas-low-cost",
    ]
    static let clusterServices = ["social-aid", "empowerment", "umkm", "low-cost"]

    /// A household key secret for the coordinator (any fixed 32 bytes will do for a bench).
    static let householdKeySecret = String(repeating: "5e", count: 32)

    private init(service: String, program: ChildProcess, client: HTTPClient, databasePath: String, executable: URL, environment: [String: String]) {
        self.service = service
        current = Mutex(program)
        self.client = client
        self.databasePath = databasePath
        self.executable = executable
        self.environment = environment
    }

    /// Issues a token on a fresh store, starts the service and waits until `/health` answers 200.
    static func start(_ service: String, binaries: URL, directory: URL, bootstrapServers: String) async throws -> ServiceProcess {
        guard let name = executables[service] else { throw BenchError.missing("an Entas service named \(service)") }
        let executable = binaries.appendingPathComponent(name)
        let database = directory.appendingPathComponent("\(service).sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        let port = try LoopbackPort.consecutive(1)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("KAFKA_") && !$0.key.hasPrefix("ENTAS_") }
        environment.merge(KafkaEnvironment.variables(bootstrapServers: bootstrapServers, properties: BenchBroker.consumerProperties)) { $1 }
        environment["ENTAS_DATABASE"] = database
        environment["ENTAS_HTTP_HOST"] = "127.0.0.1"
        environment["ENTAS_HTTP_PORT"] = "\(port)"
        environment["ENTAS_LOG_LEVEL"] = "warning"
        if service == "coordinator" { environment["ENTAS_HOUSEHOLD_KEY_SECRET"] = householdKeySecret }

        let tokenOutput = try await ChildProcess.output(
            of: "\(name) token create", executable: executable,
            arguments: ["token", "create", "--name", "entas-bench", "--database", database], environment: environment,
            log: directory.appendingPathComponent("\(service)-token.log"))
        let token = tokenOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.hasPrefix("entas.\(service).") else { throw BenchError.unreadableOutput(name: "\(name) token create", output: tokenOutput) }

        let program = try ChildProcess.started(
            name: name, executable: executable, arguments: ["serve"], environment: environment,
            log: directory.appendingPathComponent("\(service).log"))
        let process = ServiceProcess(
            service: service, program: program, client: HTTPClient(baseURL: "http://127.0.0.1:\(port)", token: token),
            databasePath: database, executable: executable, environment: environment)
        try await process.waitUntilHealthy()
        return process
    }

    private func waitUntilHealthy(timeout: Duration = .seconds(90)) async throws {
        let program = self.program
        switch try await DevHTTP.waitUntilHealthy(client.baseURL + "/health", timeout: timeout, every: .milliseconds(100), isRunning: { program.isRunning }) {
        case .healthy: return
        case .exited: throw BenchError.childFailed(name: program.name, status: -1, log: program.log.path)
        case .timedOut: throw BenchError.timedOut(what: "\(program.name) answering /health", seconds: 90, log: program.log.path)
        }
    }

    /// Stops the service (killing it after `grace`), runs `beforeStart`, and starts it again on
    /// the same store and port, waiting until `/health` answers 200.
    func restart(grace: Duration = .seconds(3), beforeStart: () throws -> Void) async throws {
        let old = program
        await old.stop(timeout: grace)
        try beforeStart()
        let log = old.log.deletingPathExtension().appendingPathExtension("restarted.log")
        let program = try ChildProcess.started(name: old.name, executable: executable, arguments: ["serve"], environment: environment, log: log)
        current.withLock { $0 = program }
        try await waitUntilHealthy()
    }

    /// Fails when the service has exited.
    func checkRunning() throws(BenchError) {
        guard program.isRunning else { throw .childFailed(name: program.name, status: -1, log: program.log.path) }
    }

    /// The sum of every series of the Prometheus metric `name` at `/metrics`.
    func metric(_ name: String) async throws -> Double {
        let text = String(decoding: try await client.expect(200, "GET", "/metrics"), as: UTF8.self)
        var total = 0.0
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") || line.hasPrefix(name + "{") {
            total += line.split(separator: " ").last.flatMap { Double($0) } ?? 0
        }
        return total
    }

    func stop() async { await program.stop(timeout: .seconds(15)) }
}
