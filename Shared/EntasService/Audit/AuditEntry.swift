import EntasDomain
import Foundation
import GRDB

/// One line of a service's audit trail (`auditEntry`): who (the token's operator), when, which route, which
/// region, how many households, and the answer's status. Never a citizen's data: no KK, NIK or name.
///
/// The trail is append-only: triggers make SQLite refuse every `UPDATE` and `DELETE` of it, and it travels
/// with the store, so `backup` keeps it (docs/security.md).
public struct AuditEntry: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "auditEntry"

    /// Ascending: the order entries were written in.
    public var id: Int64?
    public var at: Date
    /// The token's id and its holder (the operator).
    public var operatorId: String
    public var operatorName: String
    /// `write` (any method but GET), or `read` (a GET that answered names, NIKs or full KK numbers).
    public var kind: Kind
    public var method: String
    /// The route template (`/v1/households/{kk}`), never the path: a path can hold a KK.
    public var route: String
    public var status: Int
    /// The region the request named or the household's desa, when known.
    public var region: String?
    /// How many households the request wrote or the answer named, when known.
    public var households: Int?

    public enum Kind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        case write, read
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let at = Column(CodingKeys.at)
        public static let operatorName = Column(CodingKeys.operatorName)
        public static let region = Column(CodingKeys.region)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The trail's table and the triggers that keep it append-only; every service registers it.
    public static func registerMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-audit-trail") { db in
            try db.execute(
                sql: """
                    CREATE TABLE auditEntry (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at DATETIME NOT NULL,
                        operatorId TEXT NOT NULL,
                        operatorName TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('write', 'read')),
                        method TEXT NOT NULL,
                        route TEXT NOT NULL,
                        status INTEGER NOT NULL,
                        region TEXT,
                        households INTEGER CHECK (households IS NULL OR households >= 0)
                    );
                    CREATE INDEX auditEntry_at ON auditEntry (at);
                    CREATE TRIGGER auditEntry_no_update BEFORE UPDATE ON auditEntry
                      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: an entry cannot be changed'); END;
                    CREATE TRIGGER auditEntry_no_delete BEFORE DELETE ON auditEntry
                      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: an entry cannot be deleted'); END;
                    """)
        }
    }
}
