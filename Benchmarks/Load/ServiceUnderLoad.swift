import AsyncHTTPClient
import EntasDev
import EntasKafka
import Foundation
import Logging

/// entas-social-aid as a child process on a fresh store in a temporary folder, against an
/// embedded broker in this process, with a token and 1,000 households imported for the reads.
final class ServiceUnderLoad: @unchecked Sendable {
    let directory: URL
    let url: String
    let token: String
    private let kafka: EmbeddedKafka
    private let process: Process
    /// SwiftNIO's client (as `entas dev` uses), with room for the open loop's requests in flight.
    private let client: HTTPClient

    struct Failure: Error, CustomStringConvertible { let description: String }

    private init(directory: URL, url: String, token: String, kafka: EmbeddedKafka, process: Process) {
        self.directory = directory
        self.url = url
        self.token = token
        self.kafka = kafka
        self.process = process
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    static func start(binaries: URL) async throws -> ServiceUnderLoad {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entas-load-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var logger = Logger(label: "entas-load")
        logger.logLevel = .critical
        let kafka = try EmbeddedKafka(brokers: 1, logger: logger)
        for (topic, partitions) in ["entas.households": 8, "entas.social-aid": 8, "entas.empowerment": 4, "entas.umkm": 4, "entas.low-cost": 4, "entas.dead-letter": 1] {
            try kafka.createTopic(topic, partitions: partitions)
        }
        let executable = binaries.appendingPathComponent("entas-social-aid")
        let database = directory.appendingPathComponent("social-aid.sqlite").path
        let token = try await OneShotCommand.run(executable, ["token", "create", "--name", "load", "--database", database]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.hasPrefix("entas.social-aid.") else { throw Failure(description: "token create failed: \(token)") }
        let port = try LoopbackPort.consecutive(1)
        var environment = kafka.childEnvironment()
        environment["ENTAS_DATABASE"] = database
        environment["ENTAS_HTTP_PORT"] = "\(port)"
        environment["ENTAS_LOG_LEVEL"] = "warning"
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve"]
        process.environment = environment
        let log = directory.appendingPathComponent("social-aid.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let service = ServiceUnderLoad(directory: directory, url: "http://127.0.0.1:\(port)", token: token, kafka: kafka, process: process)
        try await service.waitUntilHealthy()
        try await service.preload()
        return service
    }

    private func waitUntilHealthy() async throws {
        let process = self.process
        switch try await DevHTTP.waitUntilHealthy(url + "/health", timeout: .seconds(60), isRunning: { process.isRunning }) {
        case .healthy: return
        case .exited: throw Failure(description: "entas-social-aid exited; see \(directory.path)/social-aid.log")
        case .timedOut: throw Failure(description: "entas-social-aid did not become healthy within 60 s")
        }
    }

    /// The households the reads ask for, imported as one CSV.
    private func preload() async throws {
        var csv = "kkNumber,headNIK,headName,address,desaCode,memberCount,criteriaMet,baselineStatus\n"
        for number in 1...LoadPlan.preloaded { csv += LoadHousehold.csvRow(number) }
        let answer = try await request("POST", "/v1/households/import", body: Data(csv.utf8), contentType: "text/csv")
        guard answer.status == 200 else { throw Failure(description: "preloading households: \(answer.status)") }
    }

    /// Sends one request of the plan; its status, or 0 when no answer came.
    func send(_ kind: LoadPlan.Kind, number: Int) async -> Int {
        switch kind {
        case .register:
            let body = (try? JSONSerialization.data(withJSONObject: LoadHousehold.registration(number))) ?? Data()
            return (try? await request("POST", "/v1/households", body: body).status) ?? 0
        case .readOne:
            return (try? await request("GET", "/v1/households/\(LoadHousehold.kk(number))").status) ?? 0
        case .readPage:
            return (try? await request("GET", "/v1/households?limit=20&offset=\(number % 900)").status) ?? 0
        }
    }

    func request(_ method: String, _ path: String, body: Data? = nil, contentType: String = "application/json") async throws -> (status: Int, body: Data) {
        let answer = try await DevHTTP.send(method, url + path, token: token, body: body, contentType: contentType, timeout: 60, client: client)
        return (answer.status, answer.body)
    }

    /// Nothing lost: every registration answered 201 is in the store, and the outbox has
    /// published every registration to Kafka (waiting up to a minute for it to drain).
    struct Check: Sendable {
        var stored: Int
        var expected: Int
        var published: Int
        var pending: Int
        var passed: Bool { stored == expected && pending == 0 && published >= expected }
    }

    func check(registered: [Int]) async throws -> Check {
        let expected = LoadPlan.preloaded + registered.count
        let page = try await request("GET", "/v1/households?limit=1")
        let stored = ((try? JSONSerialization.jsonObject(with: page.body)) as? [String: Any])?["total"] as? Int ?? -1
        var published = 0, pending = -1
        let deadline = ContinuousClock.now + .seconds(60)
        repeat {
            let metrics = String(decoding: try await request("GET", "/metrics").body, as: UTF8.self)
            published = Self.metric("entas_outbox_published_total", in: metrics)
            pending = Self.metric("entas_outbox_pending", in: metrics)
            if pending == 0 && published >= expected { break }
            try await Task.sleep(for: .milliseconds(500))
        } while ContinuousClock.now < deadline
        return Check(stored: stored, expected: expected, published: published, pending: pending)
    }

    static func metric(_ name: String, in text: String) -> Int {
        var total = 0.0
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") || line.hasPrefix(name + "{") {
            total += line.split(separator: " ").last.flatMap { Double($0) } ?? 0
        }
        return Int(total)
    }

    func stop() async {
        try? await client.shutdown()
        if process.isRunning {
            process.terminate()
            let deadline = ContinuousClock.now + .seconds(15)
            while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        kafka.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
