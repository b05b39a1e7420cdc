import GRDB

extension EntasDatabase {
    /// Registers the tables EntasStore owns: `"v1-outbox"`, `"v1-inbox"`, `"v1-household-replica"`, then
    /// `"v2-inbox-without-rowid"`.
    ///
    /// Call it on a fresh migrator before registering the service's own migrations, so every service
    /// database has the same outbox, inbox and replica. These migrations are append-only: a shipped one is
    /// never edited; a change is a new migration registered after them here. They name tables and
    /// columns with strings, never with record types, so later changes to the records cannot alter them.
    public static func registerSharedMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-outbox", migrate: createOutbox)
        migrator.registerMigration("v1-inbox", migrate: createInbox)
        migrator.registerMigration("v1-household-replica", migrate: createHouseholdReplica)
        migrator.registerMigration("v2-inbox-without-rowid", migrate: rebuildInboxWithoutRowid)
        migrator.registerMigration("v3-household-member", migrate: createHouseholdMember)
    }

    /// A migrator holding only ``registerSharedMigrations(_:)``, for tools and tests that need no more.
    public static var sharedMigrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        registerSharedMigrations(&migrator)
        return migrator
    }

    @Sendable private static func createOutbox(_ db: Database) throws {
        try db.create(table: "outboxMessage") { t in
            // AUTOINCREMENT: ids never go back, so id order is enqueue order even after purges.
            t.autoIncrementedPrimaryKey("id")
            t.column("eventId", .text).notNull().unique()
            t.column("topic", .text).notNull().check { length($0) > 0 }
            t.column("key", .text).notNull()
            t.column("headers", .jsonText).notNull()
                .check(sql: "CASE WHEN json_valid(headers) THEN json_type(headers) = 'object' ELSE 0 END")
            t.column("value", .blob).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("sentAt", .datetime)
            t.column("attempts", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("lastError", .text)
        }
        // The relay's query, `WHERE sentAt IS NULL ORDER BY id`, reads only this small partial index.
        try db.create(
            index: "outboxMessage_unsent", on: "outboxMessage", columns: ["id"],
            condition: Column("sentAt") == nil)
    }

    @Sendable private static func createInbox(_ db: Database) throws {
        try db.create(table: "inboxEntry") { t in
            // The primary key is the dedupe: a redelivered event cannot be recorded twice.
            t.primaryKey("eventId", .text)
            t.column("eventType", .text).notNull()
            t.column("appliedAt", .datetime).notNull()
        }
    }

    /// Every consumed event inserts an inbox row: keyed `WITHOUT ROWID`, the insert writes one B-tree (the
    /// rows in event-id order) instead of a rowid table and its primary-key index. Same columns, same rows.
    @Sendable private static func rebuildInboxWithoutRowid(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE inboxEntry_lean (
                  eventId TEXT NOT NULL PRIMARY KEY,
                  eventType TEXT NOT NULL,
                  appliedAt DATETIME NOT NULL
                ) WITHOUT ROWID;
                INSERT INTO inboxEntry_lean (eventId, eventType, appliedAt) SELECT eventId, eventType, appliedAt FROM inboxEntry;
                DROP TABLE inboxEntry;
                ALTER TABLE inboxEntry_lean RENAME TO inboxEntry;
                """)
    }

    @Sendable private static func createHouseholdReplica(_ db: Database) throws {
        try db.create(table: "householdReplica") { t in
            t.primaryKey("kkNumber", .text).check { length($0) == 16 }
            t.column("headNIK", .text).notNull().check { length($0) == 16 }
            t.column("headName", .text).notNull()
            t.column("address", .text).notNull()
            // Region codes are stored dotted (`35.09.31.2006`); the kecamatan is the desa's first 8 characters.
            t.column("desaCode", .text).notNull().check { length($0) == 13 }
            t.column("kecamatanCode", .text).notNull().check { length($0) == 8 }
            t.column("memberCount", .integer).notNull().check { $0 >= 1 }
            t.column("criteriaMet", .jsonText).notNull()
                .check(sql: "CASE WHEN json_valid(criteriaMet) THEN json_type(criteriaMet) = 'array' ELSE 0 END")
            t.column("baselineStatus", .text)
            t.column("registeredBy", .text).notNull()
            t.column("firstSeenAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.column("lastEventId", .text).notNull()
            t.check(sql: "substr(desaCode, 1, 8) = kecamatanCode")
        }
        // Listing a region pages in kkNumber order; with kkNumber in the index that needs no sort.
        try db.create(
            index: "householdReplica_desaCode", on: "householdReplica", columns: ["desaCode", "kkNumber"])
        try db.create(
            index: "householdReplica_kecamatanCode", on: "householdReplica", columns: ["kecamatanCode", "kkNumber"])
    }

    /// The members of the replicated households (anggota keluarga), in KK list order. A NIK may sit in two
    /// households here (the events of other clusters are applied as sent); the index finds them.
    @Sendable private static func createHouseholdMember(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE householdMember (
                  kkNumber TEXT NOT NULL REFERENCES householdReplica(kkNumber) ON DELETE CASCADE,
                  nik TEXT NOT NULL CHECK (length(nik) = 16),
                  position INTEGER NOT NULL CHECK (position >= 0),
                  name TEXT NOT NULL,
                  relationship TEXT NOT NULL,
                  sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
                  birthDate TEXT NOT NULL CHECK (length(birthDate) = 10),
                  schoolLevel TEXT,
                  inSchool INTEGER NOT NULL CHECK (inSchool IN (0, 1)),
                  pregnantOrNursing INTEGER NOT NULL CHECK (pregnantOrNursing IN (0, 1)),
                  severeDisability INTEGER NOT NULL CHECK (severeDisability IN (0, 1)),
                  PRIMARY KEY (kkNumber, nik)
                ) WITHOUT ROWID;
                CREATE INDEX householdMember_nik ON householdMember(nik);
                """)
    }
}
