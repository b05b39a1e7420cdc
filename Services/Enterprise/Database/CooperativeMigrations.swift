import EntasCluster
import GRDB

/// UMKM's cooperatives: the shared first migration (`cooperative-v1`, ``CollectiveMigrations``),
/// then its own, append-only, literal SQL, never edited once shipped.
enum CooperativeMigrations {
    static func register(_ migrator: inout DatabaseMigrator) {
        CollectiveMigrations.registerFirst(Cooperatives.definition, &migrator)
        // The kinds were checked by the API only; SQLite now holds them too, by a rebuild of
        // the table (SQLite cannot add a CHECK; GRDB checks every foreign key before commit).
        migrator.registerMigration("cooperative-v2-kind-check") { db in
            try db.execute(
                sql: """
                    CREATE TABLE cooperativeNew (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('savingsAndLoan', 'producer', 'marketing', 'consumer', 'multipurpose')),
                        name TEXT NOT NULL,
                        desaCode TEXT NOT NULL,
                        startedOn TEXT NOT NULL,
                        endsOn TEXT,
                        budgetRupiah INTEGER CHECK (budgetRupiah IS NULL OR budgetRupiah >= 0),
                        closedOn TEXT,
                        CHECK (endsOn IS NULL OR endsOn >= startedOn)
                    );
                    INSERT INTO cooperativeNew (id, kind, name, desaCode, startedOn, endsOn, budgetRupiah, closedOn)
                        SELECT id, kind, name, desaCode, startedOn, endsOn, budgetRupiah, closedOn FROM cooperative;
                    DROP TABLE cooperative;
                    ALTER TABLE cooperativeNew RENAME TO cooperative;
                    CREATE INDEX cooperative_desa ON cooperative(desaCode);
                    """)
        }
    }
}
