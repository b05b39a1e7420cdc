import EntasDev
import Foundation

/// A Tansu broker (an Apache-2.0 Kafka-protocol broker) as a child process on a free loopback
/// port, its log in memory only (`memory://`), for the real-broker suite.
final class TansuBroker: Sendable {
    let port: Int
    let process: ChildProcess
    let directory: URL

    var bootstrapServers: String { "127.0.0.1:\(port)" }

    struct NotListening: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts Tansu and returns once its port accepts connections.
    init(tools: RealBrokerTools) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("entas-tansu-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = try LoopbackPort.consecutive(1)
        let url = "tcp://127.0.0.1:\(port)"
        process = try ChildProcess.started(
            executable: tools.tansu,
            arguments: ["broker", "--listener-url", url, "--advertised-listener-url", url, "--storage-engine", "memory://tansu/"],
            directory: directory, log: directory.appendingPathComponent("tansu.log"))
        let deadline = ContinuousClock.now + .seconds(20)
        while LoopbackPort.isFree(port) {
            guard process.isRunning, ContinuousClock.now < deadline else {
                await process.killHard()
                throw NotListening(description: "Tansu did not listen on \(port): \(process.lastLines().joined(separator: "\n"))")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Runs `body` with a Tansu broker, which is stopped afterwards, whether `body` threw or not.
    static func with<Result>(tools: RealBrokerTools, _ body: (TansuBroker) async throws -> Result) async throws -> Result {
        let tansu = try await TansuBroker(tools: tools)
        do {
            let result = try await body(tansu)
            await tansu.stop()
            return result
        } catch {
            await tansu.stop()
            throw error
        }
    }

    /// Stops the broker and removes its folder.
    func stop() async {
        _ = await process.stop(signal: SIGTERM, timeout: .seconds(10))
        try? FileManager.default.removeItem(at: directory)
    }
}
