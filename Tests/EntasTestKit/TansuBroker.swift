import EntasDev
import Foundation

/// A Tansu broker (an Apache-2.0 Kafka-protocol broker) as a child process on a free loopback
/// port, its log in memory only (`memory://`), for the real-broker suite.
public final class TansuBroker: Sendable {
    public let port: Int
    public let process: ChildProcess
    public let directory: URL

    public var bootstrapServers: String { "127.0.0.1:\(port)" }

    public struct NotListening: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts Tansu and returns once its port accepts connections.
    public init(tools: RealBrokerTools) async throws {
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
    public static func with<Result>(tools: RealBrokerTools, _ body: (TansuBroker) async throws -> Result) async throws -> Result {
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

    /// Freezes the broker (SIGSTOP): its connections stay open and nothing answers, as a
    /// broker that hangs; `resume()` (SIGCONT) lets it go on where it was.
    public func pause() { kill(process.pid, SIGSTOP) }
    public func resume() { kill(process.pid, SIGCONT) }

    /// Stops the broker and removes its folder.
    public func stop() async {
        resume()
        _ = await process.stop(signal: SIGTERM, timeout: .seconds(10))
        try? FileManager.default.removeItem(at: directory)
    }
}
