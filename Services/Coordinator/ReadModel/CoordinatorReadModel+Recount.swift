import EntasAPI
import EntasDomain
import EntasStore
import GRDB

extension CoordinatorReadModel {
    /// Recomputes every region table from the stored households and facts, from scratch: the aggregates
    /// with one SQL pass per level over `household`, the strategy counters from `enrolment` and `delivery`,
    /// the months from each household's status history. Reads everything: for tests and a `verify` command,
    /// never for serving. Compare it with ``stored(_:)``.
    public static func recount(_ db: Database) throws -> ReadModelRecount {
        var aggregates: [RegionAggregate] = []
        for level in RegionLevel.allCases {
            aggregates += try RegionAggregate.fetchAll(
                db, sql: recountSQL, arguments: [level.rawValue, length(of: level)])
        }
        return ReadModelRecount(
            aggregates: aggregates, strategies: try recountStrategies(db), months: try recountMonths(db))
    }

    /// The region tables as the incremental updates left them, in the form ``recount(_:)`` returns.
    public static func stored(_ db: Database) throws -> ReadModelRecount {
        ReadModelRecount(
            aggregates: try RegionAggregate.fetchAll(db), strategies: try RegionStrategy.fetchAll(db),
            months: try RegionMonth.fetchAll(db))
    }

    /// The households whose stored consensus, conflict, case, verification, coverage or gap differ from what
    /// their stored facts give now: empty when every household row is up to date.
    public static func staleHouseholds(_ db: Database) throws -> [HouseholdKey] {
        try Row.fetchAll(db, sql: "SELECT * FROM household ORDER BY key").compactMap { row in
            let household = try Household(row: row)
            let facts = try HouseholdState.load(try row.decode(forColumn: "number"), key: household.key, db)
            var fresh = household
            fresh.coverage = Set(facts.enrolments.filter(\.isActive).map(\.cluster))
            fresh.adopt(facts.standing)
            fresh.isGap = ConsensusRule.isGap(consensus: fresh.consensusStatus, coveredBy: fresh.coverage)
            return fresh == household ? nil : household.key
        }
    }

    private static func length(of level: RegionLevel) -> Int {
        // Dotted codes: 35, 35.09, 35.09.31, 35.09.31.2006.
        switch level {
        case .province: 2
        case .kabupaten: 5
        case .kecamatan: 8
        case .desa: 13
        }
    }

    /// A household counted in another (``Household/isDuplicate``) adds only its case counters.
    private static let recountSQL = """
        SELECT substr(desaCode, 1, ?2) AS regionCode, ?1 AS level,
            sum(NOT isDuplicate) AS households,
            sum(NOT isDuplicate AND consensusStatus IS 'sangatMiskin') AS sangatMiskin,
            sum(NOT isDuplicate AND consensusStatus IS 'miskin') AS miskin,
            sum(NOT isDuplicate AND consensusStatus IS 'hampirMiskin') AS hampirMiskin,
            sum(NOT isDuplicate AND consensusStatus IS 'tidakMiskin') AS tidakMiskin,
            sum(NOT isDuplicate AND consensusStatus IS 'graduated') AS graduated,
            sum(NOT isDuplicate AND consensusStatus IS NULL) AS unassessed,
            sum(NOT isDuplicate AND baselineStatus IS 'sangatMiskin') AS baselineSangatMiskin,
            sum(NOT isDuplicate AND baselineStatus IS 'miskin') AS baselineMiskin,
            sum(NOT isDuplicate AND baselineStatus IS 'hampirMiskin') AS baselineHampirMiskin,
            sum(NOT isDuplicate AND coveredSocialAid) AS coveredSocialAid,
            sum(NOT isDuplicate AND coveredCommunityEmpowerment) AS coveredCommunityEmpowerment,
            sum(NOT isDuplicate AND coveredEnterprise) AS coveredEnterprise,
            sum(NOT isDuplicate AND coveredLowCost) AS coveredLowCost,
            sum(NOT isDuplicate AND (coveredSocialAid OR coveredCommunityEmpowerment OR coveredEnterprise OR coveredLowCost))
                AS coveredAny,
            sum(NOT isDuplicate AND isGap) AS gaps,
            sum(NOT isDuplicate AND hasConflict) AS conflicts,
            sum(caseId IS NOT NULL) AS casesOpen,
            sum(caseTeam IS NOT NULL AND caseId IS NOT NULL) AS casesAssigned,
            sum(verifiedStatus IS NOT NULL AND caseId IS NULL) AS casesVerified,
            coalesce(sum(CAST(julianday(caseOpenedOn) - 2440587.5 AS INTEGER)), 0) AS caseOpenedDays,
            sum(CASE WHEN isDuplicate THEN 0 ELSE people END) AS people
        FROM household
        GROUP BY 1
        """

    private static func recountStrategies(_ db: Database) throws -> [RegionStrategy] {
        var cells: [StrategyCell: StrategyCounts] = [:]
        let sources: [(String, (Row) -> StrategyCounts)] = [
            (
                """
                SELECT h.desaCode, e.cluster, e.strategy, count(*) AS n,
                sum(CASE WHEN e.memberKey IS NULL THEN h.people ELSE 1 END) AS people FROM enrolmentByHousehold e
                JOIN household h ON h.number = e.household
                WHERE e.startedOn IS NOT NULL AND e.endedOn IS NULL GROUP BY 1, 2, 3
                """,
                { StrategyCounts(activeEnrolments: $0["n"], activePeople: $0["people"]) }
            ),
            (
                """
                SELECT desaCode, cluster, strategy, count(*) AS n FROM enrolment
                WHERE startedOn IS NOT NULL GROUP BY 1, 2, 3
                """,
                { StrategyCounts(enrolmentsStarted: $0["n"]) }
            ),
            (
                """
                SELECT desaCode, cluster, strategy, count(*) AS n, sum(coalesce(amountRupiah, 0)) AS rupiah
                FROM delivery GROUP BY 1, 2, 3
                """,
                { StrategyCounts(deliveries: $0["n"], deliveredRupiah: $0["rupiah"]) }
            ),
        ]
        for (sql, counts) in sources {
            for row in try Row.fetchAll(db, sql: sql) {
                guard let desa = row["desaCode"] as RegionCode?, let cluster = row["cluster"] as Cluster?,
                    let strategy = (row["strategy"] as String?).flatMap(Strategy.init(rawValue:))
                else { continue }
                for region in RegionLedger.chain(of: desa) {
                    let cell = StrategyCell(desaCode: region, cluster: cluster, strategy: strategy)
                    cells[cell, default: StrategyCounts()] = cells[cell, default: StrategyCounts()] + counts(row)
                }
            }
        }
        return cells.map { cell, counts in
            RegionStrategy(regionCode: cell.desaCode, cluster: cell.cluster, strategy: cell.strategy, counts: counts)
        }
    }

    private static func recountMonths(_ db: Database) throws -> [RegionMonth] {
        let facts = Dictionary(
            grouping: try HouseholdEvent.filter(HouseholdEvent.Columns.status != nil).fetchAll(db),
            by: \.householdKey)
        var months: [RegionCode: [MonthStatus: Int]] = [:]
        for household in try Household.fetchAll(db) where !household.isDuplicate {
            let statusFacts = facts[household.key, default: []].compactMap(\.statusFact)
            let changes = StatusTimeline.changes(facts: statusFacts, baseline: household.registeredBaseline)
            for region in RegionLedger.chain(of: household.desaCode) {
                months[region, default: [:]].merge(changes, uniquingKeysWith: +)
            }
        }
        return months.flatMap { region, changes in
            changes.map { RegionMonth(regionCode: region, month: $0.key.month, status: $0.key.status, delta: $0.value) }
        }
    }
}
