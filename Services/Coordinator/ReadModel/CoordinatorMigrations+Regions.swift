import EntasAPI
import GRDB

extension CoordinatorMigrations {
    /// The counters of ``RegionTotals``, in column order.
    static let totalsColumns = firstTotalsColumns + caseTotalsColumns + peopleTotalsColumns

    /// The counter `coordinator-v6-household-people` added: jiwa.
    static let peopleTotalsColumns = ["people"]

    /// The counters `coordinator-v1-region-view` created (frozen: a shipped migration never changes).
    static let firstTotalsColumns = [
        "households", "sangatMiskin", "miskin", "hampirMiskin", "tidakMiskin", "graduated", "unassessed",
        "baselineSangatMiskin", "baselineMiskin", "baselineHampirMiskin",
        "coveredSocialAid", "coveredCommunityEmpowerment", "coveredEnterprise", "coveredLowCost", "coveredAny",
        "gaps", "conflicts",
    ]

    /// The counters `coordinator-v5-verification-cases` added.
    static let caseTotalsColumns = ["casesOpen", "casesAssigned", "casesVerified", "caseOpenedDays"]

    @Sendable static func createRegionViews(_ db: Database) throws {
        try db.create(table: "regionAggregate") { t in
            t.primaryKey("regionCode", .text).check(sql: "length(regionCode) IN (2, 5, 8, 13)")
            t.column("level", .integer).notNull().check(sql: "level BETWEEN 1 AND 4")
            for name in firstTotalsColumns {
                t.column(name, .integer).notNull().defaults(to: 0).check(sql: "\(name) >= 0")
            }
            // The invariants every incremental update must keep.
            t.check(sql: "households = sangatMiskin + miskin + hampirMiskin + tidakMiskin + graduated + unassessed")
            t.check(sql: "baselineSangatMiskin + baselineMiskin + baselineHampirMiskin <= households")
            t.check(
                sql: """
                    coveredAny <= households AND coveredSocialAid <= coveredAny
                    AND coveredCommunityEmpowerment <= coveredAny AND coveredEnterprise <= coveredAny
                    AND coveredLowCost <= coveredAny
                    AND coveredAny <= coveredSocialAid + coveredCommunityEmpowerment + coveredEnterprise
                        + coveredLowCost
                    """)
            t.check(sql: "gaps <= sangatMiskin + miskin AND conflicts <= households - unassessed")
        }
        // An overview reads one level inside one region: exactly the rows it shows.
        try db.create(index: "regionAggregate_level", on: "regionAggregate", columns: ["level", "regionCode"])

        try db.create(table: "regionStrategy") { t in
            t.column("regionCode", .text).notNull().check(sql: "length(regionCode) IN (2, 5, 8, 13)")
            t.column("cluster", .text).notNull().check(sql: "cluster IN \(clusters)")
            t.column("strategy", .text).notNull().check(sql: "strategy IN \(strategies)")
            for name in ["activeEnrolments", "enrolmentsStarted", "deliveries", "deliveredRupiah"] {
                t.column(name, .integer).notNull().defaults(to: 0).check(sql: "\(name) >= 0")
            }
            t.primaryKey(["regionCode", "cluster", "strategy"])
        }

        try db.create(table: "regionMonth") { t in
            t.column("regionCode", .text).notNull().check(sql: "length(regionCode) IN (2, 5, 8, 13)")
            t.column("month", .text).notNull().check(sql: "length(month) = 7")
            t.column("status", .text).notNull().check(sql: "status IN \(statuses)")
            // Net change, that month, of the region's households with this consensus status; may be negative.
            t.column("delta", .integer).notNull()
            t.primaryKey(["regionCode", "month", "status"])
        }
    }

    @Sendable static func createCommitment(_ db: Database) throws {
        // One row per commitment.made event: a commitment's revisions share its commitmentID.
        try db.create(table: "commitment") { t in
            t.primaryKey("eventId", .text).check(sql: "length(eventId) = 36")
            t.column("commitmentID", .text).notNull().check(sql: "length(commitmentID) = 36")
            t.column("cluster", .text).notNull().check(sql: "cluster IN \(clusters)")
            t.column("regionCode", .text).notNull().check(sql: "length(regionCode) IN (2, 5, 8, 13)")
            t.column("period", .text).notNull()
            t.column("periodStart", .text).notNull()
            t.column("periodEnd", .text).notNull()
            t.column("programme", .text).notNull()
            t.column("strategy", .text).notNull().check(sql: "strategy IN \(strategies)")
            t.column("households", .integer).notNull().check(sql: "households >= 0")
            t.column("deliveries", .integer).notNull().check(sql: "deliveries >= 0")
            t.column("budgetRupiah", .integer).notNull().check(sql: "budgetRupiah >= 0")
            t.column("madeOn", .text).notNull().check(sql: "length(madeOn) = 10")
            t.column("eventTime", .text).notNull()
            t.check(sql: "periodStart <= periodEnd")
        }
        try db.create(index: "commitment_commitmentID", on: "commitment", columns: ["commitmentID"])
        try db.create(index: "commitment_region", on: "commitment", columns: ["regionCode", "periodStart"])
    }

    @Sendable static func createReadModelState(_ db: Database) throws {
        try db.create(table: "readModelState") { t in
            t.primaryKey("id", .integer).check(sql: "id = 1")
            t.column("lastEventTime", .text)
            t.column("eventsApplied", .integer).notNull().defaults(to: 0).check(sql: "eventsApplied >= 0")
        }
        try db.execute(sql: "INSERT INTO readModelState (id, eventsApplied) VALUES (1, 0)")
    }
}
