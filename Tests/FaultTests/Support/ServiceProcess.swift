import EntasDev
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One of the real executables as a child process, its standard output and error appended to
/// a log file (kept across restarts, so the privacy scan sees every line it wrote).
final class ServiceProcess: @unchecked Sendable {
    let executable: String
    let arguments: [String]
    let environment: [String: String]
    let log: URL
    private var process: Process?

    init(executable: String, arguments: [String] = ["serve"], environment: [String: String], log: URL) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.log = log
    }

    /// The folder of the built executables: the test bundle sits beside them.
    static var binaries: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    func start() throws {
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        let process = Process()
        process.executableURL = Self.binaries.appendingPathComponent(executable)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
    }

    var isRunning: Bool { process?.isRunning ?? false }
    var pid: Int32 { process?.processIdentifier ?? 0 }

    /// `kill -9`: no shutdown code runs, as in a power cut of the process.
    func killHard() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// How a stop went: how long the process took to exit, its exit status, and whether it had
    /// to be killed after the timeout.
    struct Stop: Sendable {
        var elapsed: Duration
        var status: Int32
        var killed: Bool
    }

    /// SIGTERM, as systemd stops a service; SIGKILL after `timeout`.
    @discardableResult
    func stop(timeout: Duration = .seconds(30)) async -> Stop? {
        guard let process, process.isRunning else { return nil }
        let start = ContinuousClock.now
        process.terminate()
        let deadline = start + timeout
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        let killed = process.isRunning
        if killed {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return Stop(elapsed: ContinuousClock.now - start, status: process.terminationStatus, killed: killed)
    }

    /// The last lines of the log, for failure messages.
    func lastLines(_ count: Int = 15) -> String {
        let data = FileManager.default.contents(atPath: log.path) ?? Data()
        return String(decoding: data.suffix(16 * 1024), as: UTF8.self).split(separator: "\n").suffix(count).joined(separator: "\n")
    }

    /// Runs an executable to completion; its exit status and its output (stdout and stderr).
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil
    ) throws -> (status: Int32, output: String) {
        try OneShotCommand.outcome(
            executable.hasPrefix("/") ? URL(fileURLWithPath: executable) : binaries.appendingPathComponent(executable), arguments,
            environment: environment, directory: directory)
    }
}

/// A failed expectation of the fault harness itself, with what was seen.
struct FaultFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}


/// A count shared by concurrent tasks (requests done, rows written).
final class Tally: Sendable {
    private let count = Atomic<Int>(0)
    func add(_ amount: Int = 1) { count.add(amount, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}
