import GRDB

extension CoordinatorMigrations {
    /// `coordinator-v4-lean-fact-tables`: the tables every event writes, rebuilt `WITHOUT ROWID` with the same
    /// columns, checks and rows, so an insert writes one B-tree for the row instead of a rowid table and a
    /// primary-key index (docs/performance.md has the measurements):
    ///
    /// - `householdEvent` is keyed and stored in the order a household's history is read (household, day,
    ///   `ce_time`, event id), with a unique index on the event id (the read model's duplicate check); that key
    ///   replaces `householdEvent_household`.
    /// - `clusterAssessment` (household, cluster), `enrolment` and `delivery` (their ids) keep their keys and
    ///   secondary indexes.
    ///
    /// Literal SQL: a shipped migration never changes.
    @Sendable static func rebuildFactTablesWithoutRowid(_ db: Database) throws {
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

                """)
    }
}
