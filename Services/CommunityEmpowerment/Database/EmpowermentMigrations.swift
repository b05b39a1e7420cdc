import EntasCluster
import GRDB

/// Community empowerment's own tables: its groups and village projects. Append-only, never
/// edited once shipped (a change is a new migration, in literal SQL, here). The first tables of
/// each collective come from the shared template (``CollectiveMigrations``).
enum EmpowermentMigrations {
    static func register(_ migrator: inout DatabaseMigrator) {
        CollectiveMigrations.registerFirst(EmpowermentCollectives.groups, &migrator)
        CollectiveMigrations.registerFirst(EmpowermentCollectives.projects, &migrator)
        registerGroupMigrations(&migrator)
        registerProjectMigrations(&migrator)
    }

    /// The kinds a group or project may be were checked by the API only; SQLite now holds
    /// them too. SQLite cannot add a CHECK to a table, so each table is rebuilt with it (GRDB
    /// runs a migration with foreign keys off, then checks them all before commit).
    private static func registerGroupMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("communityGroup-v2-kind-check") { db in
            try db.execute(
                sql: """
                    CREATE TABLE communityGroupNew (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('ksm', 'pokmas')),
                        name TEXT NOT NULL,
                        desaCode TEXT NOT NULL,
                        startedOn TEXT NOT NULL,
                        endsOn TEXT,
                        budgetRupiah INTEGER CHECK (budgetRupiah IS NULL OR budgetRupiah >= 0),
                        closedOn TEXT,
                        CHECK (endsOn IS NULL OR endsOn >= startedOn)
                    );
                    INSERT INTO communityGroupNew (id, kind, name, desaCode, startedOn, endsOn, budgetRupiah, closedOn)
                        SELECT id, kind, name, desaCode, startedOn, endsOn, budgetRupiah, closedOn FROM communityGroup;
                    DROP TABLE communityGroup;
                    ALTER TABLE communityGroupNew RENAME TO communityGroup;
                    CREATE INDEX communityGroup_desa ON communityGroup(desaCode);
                    """)
        }
    }

    private static func registerProjectMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("villageProject-v2-kind-check") { db in
            try db.execute(
                sql: """
                    CREATE TABLE villageProjectNew (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('infrastructure', 'economic', 'social', 'environment')),
                        name TEXT NOT NULL,
                        desaCode TEXT NOT NULL,
                        startedOn TEXT NOT NULL,
                        endsOn TEXT,
                        budgetRupiah INTEGER CHECK (budgetRupiah IS NULL OR budgetRupiah >= 0),
                        closedOn TEXT,
                        CHECK (endsOn IS NULL OR endsOn >= startedOn)
                    );
                    INSERT INTO villageProjectNew (id, kind, name, desaCode, startedOn, endsOn, budgetRupiah, closedOn)
                        SELECT id, kind, name, desaCode, startedOn, endsOn, budgetRupiah, closedOn FROM villageProject;
                    DROP TABLE villageProject;
                    ALTER TABLE villageProjectNew RENAME TO villageProject;
                    CREATE INDEX villageProject_desa ON villageProject(desaCode);
                    """)
        }
    }
}
