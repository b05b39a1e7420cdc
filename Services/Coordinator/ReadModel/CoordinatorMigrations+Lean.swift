import GRDB

extension CoordinatorMigrations {
    /// `coordinator-v4-lean-fact-tables`: fewer B-trees written per event (docs/performance.md has the
    /// measurements):
    ///
    /// - `clusterAssessment` rebuilt `WITHOUT ROWID` with the same columns, checks and rows, keyed by household
    ///   and cluster: an upsert writes one B-tree instead of a rowid table and its key index.
    /// - `householdEvent_type` (every history row, by type and day) replaced by `householdEvent_graduation`,
    ///   a partial index of the graduations, the only type the evaluation looks up: the other events no
    ///   longer write an index entry there.
    ///
    /// Literal SQL: a shipped migration never changes.
    @Sendable static func leanFactTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE clusterAssessment_lean (
                  householdKey TEXT NOT NULL REFERENCES household(key) ON DELETE CASCADE,
                  cluster TEXT NOT NULL CHECK (cluster IN \(clusters)),
                  status TEXT NOT NULL CHECK (status IN \(statuses)),
                  criteriaMetCount INTEGER CHECK (criteriaMetCount BETWEEN 0 AND 14),
                  source TEXT NOT NULL CHECK (source IN ('assessment', 'graduation')),
                  assessedOn TEXT NOT NULL CHECK (length(assessedOn) = 10),
                  eventTime TEXT NOT NULL,
                  eventId TEXT NOT NULL,
                  PRIMARY KEY (householdKey, cluster),
                  CHECK (CASE source WHEN 'graduation' THEN status = 'graduated' AND criteriaMetCount IS NULL
                    ELSE criteriaMetCount IS NOT NULL END)
                ) WITHOUT ROWID;
                INSERT INTO clusterAssessment_lean
                  SELECT householdKey, cluster, status, criteriaMetCount, source, assessedOn, eventTime, eventId FROM clusterAssessment;
                DROP TABLE clusterAssessment;
                ALTER TABLE clusterAssessment_lean RENAME TO clusterAssessment;

                DROP INDEX householdEvent_type;
                CREATE INDEX householdEvent_graduation ON householdEvent (effectiveDate)
                  WHERE ceType = 'id.go.jatim.entas.household.graduated.v1';

                """)
    }
}
