/// Why ``EntasDatabase/openPool(at:migrator:configuration:)`` could not give a service its database.
///
/// Each case names the file and says what to do about it. Descriptions never contain household data.
public enum EntasDatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder that should hold the database file does not exist and could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// SQLite could not open or create the file (permissions, a folder in its place, a read-only disk).
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not an SQLite database (or is encrypted or damaged beyond its header).
    case notADatabase(path: String)
    /// A migration failed; the file keeps the migrations that ran before it.
    case migrationFailed(path: String, migration: String?, reason: String)
    /// The file was migrated by a newer build that knows migrations this one does not.
    case supersededSchema(path: String, unknownMigrations: [String])

    public var description: String {
        switch self {
        case let .cannotCreateDirectory(path, reason):
            "Cannot create the folder for the database \(path): \(reason). "
                + "Create it yourself or choose a writable location for the database file."
        case let .cannotOpen(path, reason):
            "Cannot open the database \(path): \(reason). "
                + "Check that the path names a file (not a folder) and that this user may read and write it "
                + "and its folder."
        case let .notADatabase(path):
            "The file \(path) is not an SQLite database. "
                + "Point the service at its own database file, or move this file away so a new database can be "
                + "created there."
        case let .migrationFailed(path, migration, reason):
            "Migrating the database \(path) failed"
                + (migration.map { " at \"\($0)\"" } ?? "")
                + ": \(reason). Earlier migrations stay applied; fix the cause (or restore a backup) and start again."
        case let .supersededSchema(path, unknownMigrations):
            "The database \(path) was migrated by a newer version of Entas (unknown migrations: "
                + unknownMigrations.joined(separator: ", ")
                + "). Run that newer version, or restore a backup taken before the upgrade."
        }
    }
}
