/// Why ``EntasBackup/copy(from:to:overwrite:)`` wrote no backup. Each case names the file and
/// the fix; none holds household data.
public enum EntasBackupError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSource(path: String)
    case destinationExists(path: String)
    case destinationIsSource(path: String)
    case notADatabase(path: String)
    case notAnEntasStore(path: String)
    case unreadable(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case copyDamaged(path: String, findings: [String])

    public var description: String {
        switch self {
        case let .noSource(path):
            "There is no database at \(path). Give the service's own file with --database (or ENTAS_DATABASE), as the service is started with."
        case let .destinationExists(path):
            "\(path) exists already. Choose a new file name (for example with the date in it), or pass --force to replace it."
        case let .destinationIsSource(path):
            "\(path) is the service's own database. Write the backup to another file, preferably on another disk."
        case let .notADatabase(path):
            "\(path) is not an SQLite database. Give the service's own file with --database (or ENTAS_DATABASE)."
        case let .notAnEntasStore(path):
            "\(path) is an SQLite database but no Entas store (it has no migrations). Give the service's own file with --database."
        case let .unreadable(path, reason):
            "Cannot read \(path): \(reason). Check that this user may read the file and its folder (run as the service's user)."
        case let .cannotWrite(path, reason):
            "Cannot write the backup \(path): \(reason). Check the folder's permissions and free space."
        case let .copyDamaged(path, findings):
            "The copy of \(path) failed its integrity check (\(findings.joined(separator: "; "))); nothing was written. "
                + "The store itself may be damaged: run `sqlite3 \(path) 'PRAGMA integrity_check'` and restore an older backup if it is."
        }
    }
}
