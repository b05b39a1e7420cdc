import Foundation

/// A service started by `entas dev`: its own executable, its output in a log file.
///
/// Foundation's `Process` is used here rather than swift-subprocess: these children live for
/// the whole session and only need start, signal, and exit status.
final class ChildProcess: @unchecked Sendable {
    let service: DevService
    let logURL: URL
    private let process = Process()

    init(service: DevService, executable: URL, arguments: [String] = [], environment: [String: String], log: URL) throws {
        self.service = service
        self.logURL = log
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
    }

    func start() throws { try process.run() }

    var isRunning: Bool { process.isRunning }
    var exitStatus: Int32 { process.terminationStatus }
    var pid: Int32 { process.processIdentifier }

    /// Asks the child to stop (SIGINT, as Ctrl-C would); after `timeout`, kills it.
    func stop(timeout: Duration = .seconds(10)) async {
        await process.interruptThenKill(after: timeout)
    }

    /// The last `count` lines of the child's log.
    func lastLogLines(_ count: Int = 20) -> [String] {
        guard let data = FileManager.default.contents(atPath: logURL.path) else { return [] }
        let lines = String(decoding: data.suffix(64 * 1024), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(count).map(String.init)
    }
}
