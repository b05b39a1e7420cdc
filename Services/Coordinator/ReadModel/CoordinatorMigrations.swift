import EntasAPI
import GRDB

/// The coordinator's tables, registered after EntasStore's shared migrations (the inbox lives there).
///
/// Append-only: a shipped migration is never edited; a change is a new migration registered after these.
/// Tables and columns are named with strings, never with record types. Statuses, clusters and strategies
/// are stored as their identifiers (`sangatMiskin`, `socialAid`, `socialProtection`), region codes dotted
/// (`35.09.31.2006`), days as `YYYY-MM-DD`, instants as `YYYY-MM-DDTHH:MM:SS.mmmZ`, ids as lowercase UUIDs.
/// Nothing here holds a name, a NIK or a full No. KK: households are keyed by ``HouseholdKey``.
public enum CoordinatorMigrations {
    /// Registers `coordinator-v1-household`, `coordinator-v1-household-fact`, `coordinator-v1-region-view`,
    /// `coordinator-v1-commitment` and `coordinator-v1-read-model-state`; then `coordinator-v2-target` and
    /// `coordinator-v2-cycle-index` for the plan and the evaluation; `coordinator-v3-commitment-graduations`;
    /// `coordinator-v4-lean-fact-tables` for throughput; `coordinator-v5-verification-cases`;
    /// `coordinator-v6-household-people`; `coordinator-v7-household-numbers`,
    /// `coordinator-v8-history-without-event-index`, `coordinator-v9-checks-without-in-lists`,
    /// `coordinator-v10-people-by-household-number`, `coordinator-v11-household-by-number` and
    /// `coordinator-v12-enrolments-and-deliveries-by-household` for throughput.
    public static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("coordinator-v1-household", migrate: createHousehold)
        migrator.registerMigration("coordinator-v1-household-fact", migrate: createHouseholdFacts)
        migrator.registerMigration("coordinator-v1-region-view", migrate: createRegionViews)
        migrator.registerMigration("coordinator-v1-commitment", migrate: createCommitment)
        migrator.registerMigration("coordinator-v1-read-model-state", migrate: createReadModelState)
        migrator.registerMigration("coordinator-v2-target", migrate: createTarget)
        migrator.registerMigration("coordinator-v2-cycle-index", migrate: createCycleIndexes)
        migrator.registerMigration("coordinator-v3-commitment-graduations", migrate: addCommitmentGraduations)
        migrator.registerMigration("coordinator-v4-lean-fact-tables", migrate: leanFactTables)
        migrator.registerMigration("coordinator-v5-verification-cases", migrate: addVerificationCases)
        migrator.registerMigration("coordinator-v6-household-people", migrate: addHouseholdPeople)
        migrator.registerMigration("coordinator-v7-household-numbers", migrate: numberHouseholds)
        migrator.registerMigration("coordinator-v8-history-without-event-index", migrate: dropHistoryEventIndex)
        migrator.registerMigration("coordinator-v9-checks-without-in-lists", migrate: checksWithoutInLists)
        migrator.registerMigration("coordinator-v10-people-by-household-number", migrate: peopleByHouseholdNumber)
        migrator.registerMigration("coordinator-v11-household-by-number", migrate: householdByNumber)
        migrator.registerMigration("coordinator-v12-enrolments-and-deliveries-by-household", migrate: factsByHousehold)
    }

    static let statuses = "('sangatMiskin', 'miskin', 'hampirMiskin', 'tidakMiskin', 'graduated')"
    static let clusters = "('socialAid', 'communityEmpowerment', 'enterprise', 'lowCost')"
    static let strategies = "('socialProtection', 'basicServices', 'communityEmpowerment', 'inclusiveDevelopment')"

    @Sendable static func createHousehold(_ db: Database) throws {
        try db.create(table: "household") { t in
            t.primaryKey("key", .text).check(sql: "length(key) = 64")
            t.column("maskedKK", .text).notNull()
                .check(sql: "length(maskedKK) = 16 AND substr(maskedKK, 7, 6) = '******'")
            t.column("desaCode", .text).notNull().check(sql: "length(desaCode) = 13")
            t.column("kecamatanCode", .text).notNull()
            t.column("kabupatenCode", .text).notNull()
            // Where the household lives comes from the newest location fact: registrations and updates
            // (authority 1) outrank the desa other events carry (0); then event time, then event id.
            t.column("locationAuthority", .integer).notNull().check(sql: "locationAuthority IN (0, 1)")
            t.column("locationTime", .text).notNull()
            t.column("locationEventId", .text).notNull()
            t.column("baselineStatus", .text).check(sql: "baselineStatus IN \(statuses)")
            t.column("baselineSource", .text).check(sql: "baselineSource IN ('registration', 'assessment')")
            t.column("baselineOn", .text)
            t.column("baselineTime", .text)
            t.column("baselineEventId", .text)
            t.column("consensusStatus", .text).check(sql: "consensusStatus IN \(statuses)")
            t.column("hasConflict", .boolean).notNull().check(sql: "hasConflict IN (0, 1)")
            t.column("coveredSocialAid", .boolean).notNull().check(sql: "coveredSocialAid IN (0, 1)")
            t.column("coveredCommunityEmpowerment", .boolean).notNull()
                .check(sql: "coveredCommunityEmpowerment IN (0, 1)")
            t.column("coveredEnterprise", .boolean).notNull().check(sql: "coveredEnterprise IN (0, 1)")
            t.column("coveredLowCost", .boolean).notNull().check(sql: "coveredLowCost IN (0, 1)")
            t.column("isGap", .boolean).notNull()
            t.column("registeredAt", .text)
            t.column("registeredBy", .text).check(sql: "registeredBy IN \(clusters)")
            t.column("updatedAt", .text).notNull()
            t.check(sql: "substr(desaCode, 1, 8) = kecamatanCode AND substr(desaCode, 1, 5) = kabupatenCode")
            t.check(
                sql: """
                    (baselineStatus IS NULL) = (baselineSource IS NULL)
                    AND (baselineStatus IS NULL) = (baselineOn IS NULL)
                    AND (baselineStatus IS NULL) = (baselineTime IS NULL)
                    AND (baselineStatus IS NULL) = (baselineEventId IS NULL)
                    """)
            // The gap rule, held by SQLite: consensus SM or M with no active social-aid enrolment.
            t.check(
                sql: "isGap = (coalesce(consensusStatus IN ('sangatMiskin', 'miskin'), 0) AND NOT coveredSocialAid)")
            // Conflict needs two assessments, so a household without a consensus has none.
            t.check(sql: "NOT hasConflict OR consensusStatus IS NOT NULL")
            t.check(sql: "(registeredAt IS NULL) = (registeredBy IS NULL)")
        }
        try db.create(index: "household_desa", on: "household", columns: ["desaCode", "key"])
        try db.create(
            index: "household_gap", on: "household", columns: ["desaCode", "key"], condition: Column("isGap"))
        try db.create(
            index: "household_conflict", on: "household", columns: ["desaCode", "key"],
            condition: Column("hasConflict"))
    }

    @Sendable static func createHouseholdFacts(_ db: Database) throws {
        try db.create(table: "clusterAssessment") { t in
            t.column("householdKey", .text).notNull().references("household", onDelete: .cascade)
            t.column("cluster", .text).notNull().check(sql: "cluster IN \(clusters)")
            t.column("status", .text).notNull().check(sql: "status IN \(statuses)")
            t.column("criteriaMetCount", .integer).check(sql: "criteriaMetCount BETWEEN 0 AND 14")
            // `graduation`: a household.graduated event, read as that cluster's assessment "graduated".
            t.column("source", .text).notNull().check(sql: "source IN ('assessment', 'graduation')")
            t.column("assessedOn", .text).notNull().check(sql: "length(assessedOn) = 10")
            t.column("eventTime", .text).notNull()
            t.column("eventId", .text).notNull()
            t.primaryKey(["householdKey", "cluster"])
            t.check(
                sql: """
                    CASE source WHEN 'graduation' THEN status = 'graduated' AND criteriaMetCount IS NULL
                    ELSE criteriaMetCount IS NOT NULL END
                    """)
        }
        try db.create(table: "enrolment") { t in
            t.primaryKey("enrolmentID", .text).check(sql: "length(enrolmentID) = 36")
            t.column("householdKey", .text).notNull().references("household", onDelete: .cascade)
            t.column("cluster", .text).notNull().check(sql: "cluster IN \(clusters)")
            t.column("programme", .text).notNull()
            t.column("strategy", .text).check(sql: "strategy IN \(strategies)")
            // The desa of the start (of the end until the start arrives).
            t.column("desaCode", .text).notNull().check(sql: "length(desaCode) = 13")
            t.column("startedOn", .text)
            t.column("endedOn", .text)
            t.check(sql: "(startedOn IS NULL) = (strategy IS NULL)")
            t.check(sql: "startedOn IS NOT NULL OR endedOn IS NOT NULL")
        }
        try db.create(index: "enrolment_household", on: "enrolment", columns: ["householdKey"])
        try db.create(table: "referral") { t in
            t.primaryKey("referralID", .text).check(sql: "length(referralID) = 36")
            t.column("householdKey", .text).notNull().references("household", onDelete: .cascade)
            t.column("fromCluster", .text).notNull().check(sql: "fromCluster IN \(clusters)")
            t.column("toCluster", .text).notNull().check(sql: "toCluster IN \(clusters)")
            t.column("reason", .text)
            t.column("madeOn", .text)
            t.column("outcome", .text).check(sql: "outcome IN ('accepted', 'declined')")
            t.column("note", .text)
            t.column("answeredOn", .text)
            t.check(sql: "fromCluster <> toCluster")
            t.check(sql: "(madeOn IS NULL) = (reason IS NULL) AND (outcome IS NULL) = (answeredOn IS NULL)")
            t.check(sql: "madeOn IS NOT NULL OR answeredOn IS NOT NULL")
            t.check(sql: "note IS NULL OR outcome IS NOT NULL")
        }
        try db.create(index: "referral_household", on: "referral", columns: ["householdKey"])
        try db.create(table: "delivery") { t in
            t.primaryKey("deliveryID", .text).check(sql: "length(deliveryID) = 36")
            t.column("enrolmentID", .text).notNull().check(sql: "length(enrolmentID) = 36")
            t.column("householdKey", .text).notNull().references("household", onDelete: .cascade)
            t.column("cluster", .text).notNull().check(sql: "cluster IN \(clusters)")
            t.column("programme", .text).notNull()
            t.column("strategy", .text).notNull().check(sql: "strategy IN \(strategies)")
            t.column("desaCode", .text).notNull().check(sql: "length(desaCode) = 13")
            t.column("amountRupiah", .integer).check(sql: "amountRupiah >= 0")
            t.column("inKindQuantity", .double).check(sql: "inKindQuantity > 0")
            t.column("inKindUnit", .text)
            t.column("period", .text).notNull()
            t.column("deliveredOn", .text).notNull()
            t.check(sql: "amountRupiah IS NOT NULL OR inKindQuantity IS NOT NULL")
            t.check(sql: "(inKindQuantity IS NULL) = (inKindUnit IS NULL)")
        }
        try db.create(index: "delivery_household", on: "delivery", columns: ["householdKey"])
        try db.create(table: "householdEvent") { t in
            t.primaryKey("eventId", .text).check(sql: "length(eventId) = 36")
            // No foreign key: an update that names no desa may arrive before anything places the household.
            t.column("householdKey", .text).notNull().check(sql: "length(householdKey) = 64")
            t.column("ceType", .text).notNull()
            t.column("cluster", .text).notNull().check(sql: "cluster IN \(clusters)")
            t.column("effectiveDate", .text).notNull().check(sql: "length(effectiveDate) = 10")
            t.column("eventTime", .text).notNull()
            // The status an assessment or a graduation states; the progress timeline is built from these.
            t.column("status", .text).check(sql: "status IN \(statuses)")
            t.column("summary", .text).notNull()
        }
        try db.create(
            index: "householdEvent_household", on: "householdEvent",
            columns: ["householdKey", "effectiveDate", "eventTime", "eventId"])
    }
}
