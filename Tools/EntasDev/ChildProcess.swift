import EntasDomain
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program run as a child process, its standard output and error appended to one log file: the
/// services `entas dev` starts, the bench's services and consumers, and the executables the system
/// and fault tests run. One runner for all of them, so a stop, a kill and a log read mean the same
/// everywhere.
///
/// Foundation's `Process` rather than swift-subprocess: these children live for a whole run and only
/// need start, signals, the exit status and a log a person reads afterwards.
public final class ChildProcess: Sendable {
    /// What logs and errors call it (the executable's name unless given).
    public let name: String
    /// The log both streams are appended to (kept across restarts of the same program).
    public let log: URL
    private let process = Process()
    private let exit = ExitSignal()

    /// A child of `executable` (not started yet). The log is created when missing and appended to.
    public init(
        name: String? = nil, executable: URL, arguments: [String] = [], environment: [String: String]? = nil,
        directory: URL? = nil, log: URL
    ) throws {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw ChildProcessError.missingExecutable(executable.path)
        }
        self.name = name ?? executable.lastPathComponent
        self.log = log
        if !FileManager.default.fileExists(atPath: log.path) {
            guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw ChildProcessError.cannotWriteLog(log.path) }
        }
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = Self.inCurrentLanguage(environment)
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        process.terminationHandler = { [exit] process in exit.finish(process.terminationStatus) }
    }

    /// Starts `executable` as ``init(name:executable:arguments:environment:directory:log:)`` describes.
    public static func started(
        name: String? = nil, executable: URL, arguments: [String] = [], environment: [String: String]? = nil,
        directory: URL? = nil, log: URL
    ) throws -> ChildProcess {
        let child = try ChildProcess(
            name: name, executable: executable, arguments: arguments, environment: environment, directory: directory, log: log)
        try child.start()
        return child
    }

    public func start() throws { try process.run() }

    public var isRunning: Bool { process.isRunning }
    public var pid: Int32 { process.processIdentifier }
    /// The exit status (meaningful once ``isRunning`` is false).
    public var exitStatus: Int32 { process.terminationStatus }

    /// The exit status once the child has exited; nil when the waiting task is cancelled first.
    public func exited() async -> Int32? { await exit.wait() }

    /// The exit status once the child has exited, or nil when it still runs after `timeout`.
    public func waitForExit(timeout: Duration) async -> Int32? {
        await withTaskGroup(of: Int32?.self) { group in
            group.addTask { [exit] in await exit.wait() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            return await group.next() ?? nil
        }
    }

    /// How a stop went: how long the child took to exit, its status, and whether it had to be killed.
    public struct Stop: Sendable {
        public var elapsed: Duration
        public var status: Int32
        public var killed: Bool
    }

    /// Asks the child to stop with `signal` (SIGINT as Ctrl-C would, SIGTERM as systemd does) and
    /// kills it when it is still running after `timeout`. Nil when it was not running.
    @discardableResult
    public func stop(signal: Int32 = SIGINT, timeout: Duration = .seconds(10)) async -> Stop? {
        guard process.isRunning else { return nil }
        let start = ContinuousClock.now
        kill(process.processIdentifier, signal)
        var status = await waitForExit(timeout: timeout)
        let killed = status == nil
        if killed {
            kill(process.processIdentifier, SIGKILL)
            status = await exit.wait()
        }
        return Stop(elapsed: ContinuousClock.now - start, status: status ?? process.terminationStatus, killed: killed)
    }

    /// `kill -9`: no shutdown code runs, as in a power cut; returns once the child is gone.
    public func killHard() async {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        _ = await exit.wait()
    }

    /// Everything the child has written so far.
    public var output: String {
        String(decoding: FileManager.default.contents(atPath: log.path) ?? Data(), as: UTF8.self)
    }

    /// The last `count` lines of the log, for error messages.
    public func lastLines(_ count: Int = 20) -> [String] {
        guard let data = FileManager.default.contents(atPath: log.path) else { return [] }
        let lines = String(decoding: data.suffix(64 * 1024), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(count).map(String.init)
    }

    /// The largest resident set the child has had (`VmHWM` in /proc), in bytes; nil once it has exited.
    public var peakResidentBytes: Int? {
        guard process.isRunning, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
            return kilobytes * 1_024
        }
        return nil
    }

    /// The folder of the built executables: a test bundle, `entas-bench` and `entas` sit beside them.
    public static var builtExecutables: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}

/// Why a child process could not be started.
public enum ChildProcessError: Error, CustomStringConvertible {
    /// No executable file at the path: build it first (`swift build`, or `make build`).
    case missingExecutable(String)
    /// The log file could not be created.
    case cannotWriteLog(String)

    public var description: String {
        switch self {
        case .missingExecutable(let path): "no executable at \(path): build it first (swift build)"
        case .cannotWriteLog(let path): "cannot create the log file \(path): check that its folder exists and is writable"
        }
    }
}

extension ChildProcess {
    /// `environment` (this process's when nil) with `ENTAS_LANG` set to ``Language/current`` unless it names a
    /// language already: a child `entas` prints in the language of whoever started it.
    public static func inCurrentLanguage(_ environment: [String: String]?) -> [String: String] {
        var environment = environment ?? ProcessInfo.processInfo.environment
        if environment["ENTAS_LANG"] == nil { environment["ENTAS_LANG"] = Language.current.rawValue }
        return environment
    }
}
