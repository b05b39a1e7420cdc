import EntasDev
import Foundation

extension ChildProcess {
    /// Waits until the program exits; its exit status. Past `timeout` the program is stopped and the
    /// bench fails, naming its log.
    func finished(timeout: Duration) async throws(BenchError) -> Int32 {
        if let status = await waitForExit(timeout: timeout) { return status }
        await stop(timeout: .seconds(15))
        throw .timedOut(what: "\(name) finishing", seconds: Int(timeout.components.seconds), log: log.path)
    }

    /// Runs a short command to its end, on a fresh log, and returns its output; throws when it fails.
    static func output(
        of name: String, executable: URL, arguments: [String], environment: [String: String]? = nil, log: URL,
        timeout: Duration = .seconds(120)
    ) async throws -> String {
        try? FileManager.default.removeItem(at: log)
        let program = try ChildProcess.started(name: name, executable: executable, arguments: arguments, environment: environment, log: log)
        let status = try await program.finished(timeout: timeout)
        guard status == 0 else { throw BenchError.childFailed(name: name, status: status, log: log.path) }
        return program.output
    }
}
