import Foundation

/// Where `entas dev` keeps its files: one SQLite file and one log per service, the household
/// key secret, the tokens it issued, the broker's address, and the mark that the demo loaded.
public struct DevLayout: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public var logs: URL { directory.appendingPathComponent("logs") }
    public func database(_ service: String) -> String { directory.appendingPathComponent("\(service).sqlite").path }
    public func log(_ service: String) -> URL { logs.appendingPathComponent("\(service).log") }
    public var secretFile: String { directory.appendingPathComponent("household-key.secret").path }
    public var tokensFile: URL { directory.appendingPathComponent("tokens.env") }
    public var bootstrapFile: URL { directory.appendingPathComponent("kafka-bootstrap-servers") }
    public var demoLoadedMark: URL { directory.appendingPathComponent("demo-loaded") }
    /// The children's process ids while `entas dev` runs, one per line.
    public var pidsFile: URL { directory.appendingPathComponent("pids") }

    /// Creates the folders; with `fresh`, removes everything first.
    public func prepare(fresh: Bool) throws {
        if fresh, FileManager.default.fileExists(atPath: directory.path) {
            try FileManager.default.removeItem(at: directory)
        }
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    }

    /// The household key secret, made once (32 random bytes, hex) and kept: the coordinator's
    /// store is keyed by it.
    public func ensureSecret() throws {
        guard !FileManager.default.fileExists(atPath: secretFile) else { return }
        var generator = SystemRandomNumberGenerator()
        let hex = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        guard FileManager.default.createFile(atPath: secretFile, contents: Data((hex + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw DevError.cannotWrite(secretFile)
        }
    }
}
