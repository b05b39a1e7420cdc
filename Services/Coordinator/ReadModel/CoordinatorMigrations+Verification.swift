import GRDB

extension CoordinatorMigrations {
    /// `coordinator-v5-verification-cases`: verification cases (verifikasi dan validasi) and verified statuses.
    ///
    /// - `household` gains its open case (id, what opened it, the day, the team and the day it was assigned)
    ///   and the verification in force (status and day), with partial indexes to list a region's cases.
    /// - `householdEvent` gains `detail`: the team of an assignment.
    /// - `regionAggregate` gains the case counters of ``RegionTotals``.
    ///
    /// A store from an earlier release has no cases yet: a household's conflict opens its case with the
    /// household's next event, every one at a rebuild (docs/operations.md).
    /// Literal SQL: a shipped migration never changes.
    @Sendable static func addVerificationCases(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE household ADD COLUMN caseId TEXT CHECK (caseId IS NULL OR length(caseId) = 36);
                ALTER TABLE household ADD COLUMN caseKind TEXT CHECK (caseKind IN ('conflict', 'requested'));
                ALTER TABLE household ADD COLUMN caseOpenedOn TEXT CHECK (caseOpenedOn IS NULL OR length(caseOpenedOn) = 10);
                ALTER TABLE household ADD COLUMN caseTeam TEXT;
                ALTER TABLE household ADD COLUMN caseAssignedOn TEXT;
                ALTER TABLE household ADD COLUMN verifiedStatus TEXT CHECK (verifiedStatus IN \(statuses));
                ALTER TABLE household ADD COLUMN verifiedOn TEXT;
                CREATE INDEX household_case ON household (desaCode, key) WHERE caseId IS NOT NULL;
                CREATE INDEX household_verified ON household (desaCode, key)
                  WHERE verifiedStatus IS NOT NULL AND caseId IS NULL;

                ALTER TABLE householdEvent ADD COLUMN detail TEXT;

                ALTER TABLE regionAggregate ADD COLUMN casesOpen INTEGER NOT NULL DEFAULT 0 CHECK (casesOpen >= 0);
                ALTER TABLE regionAggregate ADD COLUMN casesAssigned INTEGER NOT NULL DEFAULT 0
                  CHECK (casesAssigned >= 0 AND casesAssigned <= casesOpen);
                ALTER TABLE regionAggregate ADD COLUMN casesVerified INTEGER NOT NULL DEFAULT 0 CHECK (casesVerified >= 0);
                ALTER TABLE regionAggregate ADD COLUMN caseOpenedDays INTEGER NOT NULL DEFAULT 0;
                """)
    }
}
