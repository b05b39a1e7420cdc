import EntasStore
import Foundation
import GRDB
import Logging
import ServiceLifecycle

/// Copies a service store's write-ahead log into the database file on a connection of its own, so the
/// one writer does not: its commits append to the WAL and return (docs/performance.md, "Checkpoints beside
/// the writer").
///
/// Every ``Settings/interval`` it runs a passive checkpoint, which never waits for the writer nor holds it
/// up: it copies the frames no reader still needs and syncs the file. The writer's own checkpoint stays as
/// the bound (``EntasDatabase/checkpointedWalAutocheckpointPages``): if this one falls behind, the WAL still
/// stops growing there, and the writer's checkpoint then copies only what this one had not.
public struct WALCheckpointer: Service {
    public struct Settings: Sendable {
        /// How long to wait between checkpoints.
        public var interval: Duration = .milliseconds(100)
        public init() {}
    }

    private let path: String
    private let settings: Settings
    private let logger: Logger

    /// A checkpointer of the store at `path` (a `DatabasePool`'s file, in WAL mode).
    public init(path: String, settings: Settings = Settings(), logger: Logger) {
        self.path = path
        self.settings = settings
        self.logger = logger
    }

    public func run() async throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(EntasDatabase.busyTimeout)
        configuration.label = "checkpointer"
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: settings.interval) }
                _ = try await connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            } catch is CancellationError {
                return
            } catch {
                // The writer's own checkpoint still bounds the WAL; the next round tries again.
                logger.warning("WAL checkpoint failed", metadata: [EntasLogKey.reason: "\(error)"])
            }
        }
    }
}
