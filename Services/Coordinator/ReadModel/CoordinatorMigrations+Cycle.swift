import EntasAPI
import GRDB

extension CoordinatorMigrations {
    /// `coordinator-v2-target`: the province's targets, set by Bappeda with an admin token. Not derived from
    /// events, so a rebuild copies them over like the tokens.
    @Sendable static func createTarget(_ db: Database) throws {
        try db.create(table: "target") { t in
            t.column("regionCode", .text).notNull().check(sql: "length(regionCode) IN (2, 5, 8, 13)")
            t.column("year", .integer).notNull().check(sql: "year BETWEEN 2000 AND 2100")
            // Sangat Miskin households that may remain at the end of the year (the province's target is 0).
            t.column("smRemaining", .integer).check(sql: "smRemaining >= 0")
            // The least share, in percent, of SM and M households with an active social-aid enrolment.
            t.column("socialAidCoverage", .integer).check(sql: "socialAidCoverage BETWEEN 0 AND 100")
            t.column("setBy", .text).notNull()
            t.column("setAt", .text).notNull()
            t.primaryKey(["regionCode", "year"])
            t.check(sql: "smRemaining IS NOT NULL OR socialAidCoverage IS NOT NULL")
        }
    }

    /// `coordinator-v2-cycle-index`: the plan and the evaluation read enrolments, deliveries and graduations
    /// of one region's desa; these indexes make that a range of rows, not a scan.
    @Sendable static func createCycleIndexes(_ db: Database) throws {
        try db.create(index: "enrolment_desa", on: "enrolment", columns: ["desaCode", "startedOn"])
        try db.create(index: "delivery_desa", on: "delivery", columns: ["desaCode", "period"])
        try db.create(index: "householdEvent_type", on: "householdEvent", columns: ["ceType", "effectiveDate"])
    }

    /// The households a commitment expects to graduate (`commitment.made`'s optional `graduations`); NULL when
    /// it promises none.
    @Sendable static func addCommitmentGraduations(_ db: Database) throws {
        try db.alter(table: "commitment") { t in
            t.add(column: "graduations", .integer).check(sql: "graduations IS NULL OR graduations >= 0")
        }
    }
}
