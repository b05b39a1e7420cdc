import EntasDev
import Foundation

/// `entas dev` started as a real child process in a folder of its own, its output in a log.
final class EntasDevProcess: Sendable {
    let directory: URL
    let basePort: Int
    let child: ChildProcess

    /// `entas dev` with `arguments`, on `basePort` or five free ports found here, in `environment`
    /// (this process's by default).
    init(arguments: [String], basePort: Int? = nil, environment: [String: String]? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("entas-system-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Five free ports below the ephemeral range: a port from it can be taken by any test's
        // outgoing connection before the child binds it.
        let basePort = try basePort ?? LoopbackPort.consecutive(DevService.all(basePort: 0).count)
        self.basePort = basePort
        child = try ChildProcess.started(
            executable: ChildProcess.builtExecutables.appendingPathComponent("entas"),
            arguments: ["dev", "--directory", directory.appendingPathComponent(".entas").path, "--base-port", "\(basePort)"] + arguments,
            environment: environment, directory: directory, log: directory.appendingPathComponent("entas-dev.log"))
    }

    /// What `entas dev` printed so far (standard output and error).
    var output: String { child.output }

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Waits until the output contains `text`; fails with the output if the process ends first.
    func waitFor(_ text: String, timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if output.contains(text) { return }
            guard child.isRunning else {
                throw Failure(description: "entas dev exited (\(child.exitStatus)) before '\(text)':\n\(output.suffix(3_000))")
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw Failure(description: "no '\(text)' within \(timeout):\n\(output.suffix(3_000))")
    }

    /// The variables of `tokens.env`.
    func tokens() throws -> [String: String] {
        let text = try String(contentsOf: directory.appendingPathComponent(".entas/tokens.env"), encoding: .utf8)
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { values[String(pair[0])] = String(pair[1]) }
        }
        return values
    }

    /// The children's PIDs from `pids`.
    func childPIDs() throws -> [Int32] {
        let text = try String(contentsOf: directory.appendingPathComponent(".entas/pids"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { Int32($0.split(separator: " ").first ?? "") }
    }

    /// Ctrl-C: the exit status, or nil when `entas dev` had to be killed after `timeout`.
    func interruptAndWait(timeout: Duration = .seconds(60)) async -> Int32? {
        guard let stop = await child.stop(signal: SIGINT, timeout: timeout) else { return child.exitStatus }
        return stop.killed ? nil : stop.status
    }

    /// Kills `entas dev` and the services it started if it still runs (killed, it cannot stop them: they would
    /// outlive the test), then removes the folder.
    func remove() {
        if child.isRunning {
            for pid in (try? childPIDs()) ?? [] { kill(pid, SIGKILL) }
            kill(child.pid, SIGKILL)
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
