import EntasDev
import Foundation

/// A program the bench runs as a child process, its output (both streams) in a log file.
final class ChildProgram: @unchecked Sendable {
    let name: String
    let log: URL
    private let process = Process()
    private let exit = ExitSignal()

    init(name: String, executable: URL, arguments: [String], environment: [String: String]? = nil, log: URL) throws {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw BenchError.missing("\(name): no executable at \(executable.path)")
        }
        self.name = name
        self.log = log
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        process.terminationHandler = { [exit] process in exit.finish(process.terminationStatus) }
    }

    func start() throws { try process.run() }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// Waits until the program exits; its exit status. Past `timeout` the program is stopped.
    func waitForExit(timeout: Duration) async throws -> Int32 {
        try await withThrowingTaskGroup(of: Int32?.self) { group in
            group.addTask { [exit] in await exit.wait() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let status = result { return status }
                await stop()
                throw BenchError.timedOut(what: "\(name) finishing", seconds: Int(timeout.components.seconds), log: log.path)
            }
            return process.terminationStatus
        }
    }

    /// Everything the program has written so far.
    var output: String {
        String(decoding: FileManager.default.contents(atPath: log.path) ?? Data(), as: UTF8.self)
    }

    /// The largest resident set the program has had (`VmHWM` in /proc), in bytes; nil once it has exited.
    var peakResidentBytes: Int? {
        guard process.isRunning, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
            return kilobytes * 1_024
        }
        return nil
    }

    /// Asks the program to stop (SIGINT, as Ctrl-C would); kills it after `timeout`.
    func stop(timeout: Duration = .seconds(15)) async {
        await process.interruptThenKill(after: timeout)
    }

    /// Runs a short command to its end and returns its output, or throws when it fails.
    static func output(
        of name: String, executable: URL, arguments: [String], environment: [String: String]? = nil, log: URL,
        timeout: Duration = .seconds(120)
    ) async throws -> String {
        let program = try ChildProgram(name: name, executable: executable, arguments: arguments, environment: environment, log: log)
        try program.start()
        let status = try await program.waitForExit(timeout: timeout)
        guard status == 0 else { throw BenchError.childFailed(name: name, status: status, log: log.path) }
        return program.output
    }
}
