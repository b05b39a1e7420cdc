import GRDB

/// The first migration of a collective's tables (`<table>-v1`), as the three collectives
/// shipped it (`communityGroup`, `villageProject`, `cooperative`).
///
/// The text is generated from this template and frozen as it is: change nothing in it. A change
/// to these tables is a new migration, in literal SQL, in the service's own `Database/` folder
/// (as `communityGroup-v2-kind-check` is), registered after this one.
public enum CollectiveMigrations {
    /// Registers `<table>-v1`: the collective's table and its member table.
    public static func registerFirst(_ kind: CollectiveDefinition, _ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("\(kind.table)-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE \(kind.table) (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL,
                        name TEXT NOT NULL,
                        desaCode TEXT NOT NULL,
                        startedOn TEXT NOT NULL,
                        endsOn TEXT,
                        budgetRupiah INTEGER CHECK (budgetRupiah IS NULL OR budgetRupiah >= 0),
                        closedOn TEXT,
                        CHECK (endsOn IS NULL OR endsOn >= startedOn)
                    );
                    CREATE INDEX \(kind.table)_desa ON \(kind.table)(desaCode);
                    CREATE TABLE \(kind.memberTable) (
                        collectiveId TEXT NOT NULL REFERENCES \(kind.table)(id),
                        kkNumber TEXT NOT NULL REFERENCES householdReplica(kkNumber),
                        joinedOn TEXT NOT NULL,
                        leftOn TEXT,
                        leftReason TEXT,
                        enrolmentId TEXT NOT NULL REFERENCES enrolment(id),
                        CHECK (leftOn IS NULL OR leftOn >= joinedOn)
                    );
                    CREATE UNIQUE INDEX \(kind.memberTable)_current ON \(kind.memberTable)(collectiveId, kkNumber) WHERE leftOn IS NULL;
                    CREATE INDEX \(kind.memberTable)_household ON \(kind.memberTable)(kkNumber);
                    CREATE INDEX \(kind.memberTable)_enrolment ON \(kind.memberTable)(enrolmentId);
                    """)
        }
    }
}
