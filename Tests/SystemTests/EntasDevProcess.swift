import EntasDev
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `entas dev` started as a real child process, with its output in files.
final class EntasDevProcess: @unchecked Sendable {
    let directory: URL
    let basePort: Int
    let process = Process()
    let stdoutURL: URL
    let stderrURL: URL

    /// The folder holding the built executables (the test bundle sits beside them).
    static var binaries: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// `entas dev` with `arguments`, on `basePort` or five free ports found here.
    init(arguments: [String], basePort: Int? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("entas-system-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Five free ports below the ephemeral range: a port from it can be taken by any test's
        // outgoing connection before the child binds it.
        self.basePort = try basePort ?? LoopbackPort.consecutive(DevService.all(basePort: 0).count)
        stdoutURL = directory.appendingPathComponent("stdout.log")
        stderrURL = directory.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = Self.binaries.appendingPathComponent("entas")
        process.arguments = ["dev", "--directory", directory.appendingPathComponent(".entas").path, "--base-port", "\(self.basePort)"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Waits until stdout contains `text`; fails with the output if the process ends first.
    func waitFor(_ text: String, timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if stdout.contains(text) { return }
            guard process.isRunning else {
                throw Failure(description: "entas dev exited (\(process.terminationStatus)) before '\(text)':\n\(stderr.suffix(3_000))")
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw Failure(description: "no '\(text)' within \(timeout):\n\(stderr.suffix(3_000))")
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

    func interruptAndWait(timeout: Duration = .seconds(60)) async -> Int32? {
        process.interrupt()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(100)) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return process.terminationStatus
    }

    func remove() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs another built executable to completion; its exit status and its output (stdout and stderr).
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try OneShotCommand.outcome(binaries.appendingPathComponent(executable), arguments)
    }
}

/// Small HTTP helpers for the system tests.
enum HTTP {
    static func text(_ url: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)  // the test builds these URLs itself
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    static func send(_ method: String, _ url: String, token: String?, json: [String: Any]? = nil) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: URL(string: url)!, timeoutInterval: 30)  // the test builds these URLs itself
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
    }
}
