import Crypto
import EntasDomain
import EntasStore
import Foundation
import GRDB

/// A bearer token issued by a service, as stored: only its SHA-256 hash, never the token.
///
/// A token reads `entas.<service>.<secret>`: the service part lets another service answer
/// 403 ("issued for social-aid") instead of 401.
public struct ServiceToken: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "serviceToken"

    public var id: UUID
    /// Who holds it, e.g. `field-team-jember`.
    public var name: String
    public var service: String
    /// Hex SHA-256 of the whole token.
    public var tokenHash: String
    public var createdAt: Date
    public var revokedAt: Date?
    /// `read`, `write` or `admin` (see ``TokenRole``).
    public var role: TokenRole
    /// The region the token reads and writes: the province (`35`), a kabupaten/kota or a kecamatan.
    public var region: RegionCode

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let name = Column(CodingKeys.name)
        public static let tokenHash = Column(CodingKeys.tokenHash)
        public static let revokedAt = Column(CodingKeys.revokedAt)
        public static let region = Column(CodingKeys.region)
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).withUnsafeBytes(LowercaseHex.string(of:))
    }

    /// The service a token names, if it has the Entas form.
    static func service(of token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "entas", !parts[1].isEmpty, parts[2].count >= 32 else { return nil }
        return String(parts[1])
    }

    /// The token table; every service registers it with its migrations.
    public static func registerMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-service-token") { db in
            try db.execute(
                sql: """
                    CREATE TABLE serviceToken (
                        id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                        service TEXT NOT NULL,
                        tokenHash TEXT NOT NULL UNIQUE,
                        createdAt DATETIME NOT NULL,
                        revokedAt DATETIME
                    )
                    """)
        }
        migrator.registerMigration("v2-service-token-role") { db in
            try db.execute(
                sql: "ALTER TABLE serviceToken ADD COLUMN role TEXT NOT NULL DEFAULT 'standard' CHECK (role IN ('standard', 'admin'))")
        }
        // Roles read, write and admin: every `standard` token becomes `write` (what it could do), a migration
        // rather than a reset; the table is rebuilt because SQLite cannot change a CHECK.
        migrator.registerMigration("v4-service-token-read-write-admin") { db in
            try db.execute(
                sql: """
                    CREATE TABLE serviceToken_roles (
                        id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                        service TEXT NOT NULL,
                        tokenHash TEXT NOT NULL UNIQUE,
                        createdAt DATETIME NOT NULL,
                        revokedAt DATETIME,
                        role TEXT NOT NULL DEFAULT 'write' CHECK (role IN ('read', 'write', 'admin'))
                    );
                    INSERT INTO serviceToken_roles (id, name, service, tokenHash, createdAt, revokedAt, role)
                      SELECT id, name, service, tokenHash, createdAt, revokedAt,
                        CASE role WHEN 'standard' THEN 'write' ELSE role END FROM serviceToken;
                    DROP TABLE serviceToken;
                    ALTER TABLE serviceToken_roles RENAME TO serviceToken;
                    """)
        }
        // Regions: every token issued before reads the whole province, as it could (a migration, not a reset).
        migrator.registerMigration("v5-service-token-region") { db in
            try db.execute(sql: "ALTER TABLE serviceToken ADD COLUMN region TEXT NOT NULL DEFAULT '35' CHECK (length(region) IN (2, 5, 8))")
        }
    }
}
