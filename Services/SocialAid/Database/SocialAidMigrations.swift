import GRDB

/// Social aid's own tables: shocks and the relief given for them. Append-only, literal SQL,
/// never edited once shipped (a change is a new migration, here).
enum SocialAidMigrations {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("social-aid-v1-shock") { db in
            try db.execute(
                sql: """
                    CREATE TABLE shock (
                        id TEXT PRIMARY KEY NOT NULL,
                        kkNumber TEXT NOT NULL REFERENCES householdReplica(kkNumber),
                        kind TEXT NOT NULL CHECK (kind IN ('illness', 'breadwinnerDeath', 'jobLoss', 'disaster')),
                        occurredOn TEXT NOT NULL,
                        note TEXT,
                        reliefEnrolmentId TEXT REFERENCES enrolment(id),
                        reliefDeliveryId TEXT REFERENCES delivery(id)
                    );
                    CREATE INDEX shock_household ON shock(kkNumber, occurredOn);
                    """)
        }
    }
}
