import GRDB

/// Low cost's own tables: the stages each work reached. Append-only, literal SQL, never edited
/// once shipped (a change is a new migration, here).
enum LowCostMigrations {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("low-cost-v1-work-stage") { db in
            try db.execute(
                sql: """
                    CREATE TABLE workStage (
                        enrolmentId TEXT NOT NULL REFERENCES enrolment(id),
                        stage TEXT NOT NULL,
                        reachedOn TEXT NOT NULL,
                        note TEXT,
                        PRIMARY KEY (enrolmentId, stage)
                    );
                    """)
        }
    }
}
