import ArgumentParser
import EntasStore
import Foundation

/// `entas-<service> backup PATH`: a consistent copy of the service's store, taken while the
/// service runs (SQLite's `VACUUM INTO`, checked with `PRAGMA integrity_check` before it is
/// put in place). Restoring is replacing the store with the copy while the service is stopped
/// (docs/operations.md).
public struct BackupCommand<Executable: ServiceExecutable>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "backup",
            abstract: "Write a consistent copy of this service's store while it runs (restore: stop, replace the file, start).")
    }

    @Argument(help: "The backup file to write; it must not exist unless --force is given.")
    var path: String

    @Flag(help: "Replace PATH if it exists (only once the new copy is complete and checked).")
    var force = false

    @Option(name: .customLong("database"), help: "The service's SQLite file (env ENTAS_DATABASE).")
    var databasePath: String?

    public init() {}

    public func run() async throws {
        let service = Executable.serviceName
        let source = databasePath ?? ProcessInfo.processInfo.environment[EnvironmentVariable.database.rawValue] ?? ".entas/\(service).sqlite"
        // An EntasBackupError says what to do; ArgumentParser prints it and exits with 1.
        let report = try EntasBackup.copy(from: source, to: path, overwrite: force)
        print("backed up \(report.source) to \(report.destination): \(report.bytes) bytes, integrity ok, last migration \(report.migrations.last ?? "none")")
    }
}
