import EntasAPI
import EntasDomain
import GRDB

/// What the clusters did in a region and period, read from the enrolments, deliveries and graduations the
/// events recorded: per programme for the region, and per programme for each of its children ("parts").
///
/// Where each fact counts: an enrolment in the desa its start named, a delivery in the desa it named (facts
/// stay where they happened, as in `regionStrategy`), a graduation where the household lives now, and a
/// programme's graduation in the desa of the enrolment it graduated from.
struct RealisationFacts: Sendable {
    /// Realisation per programme in the region, with the programme's strategy.
    var programmes: [ProgrammeKey: (strategy: Strategy, realised: Realisation)] = [:]
    /// The same per child region.
    var parts: [RegionCode: [ProgrammeKey: (strategy: Strategy, realised: Realisation)]] = [:]
    /// Households graduated in the period by each cluster, per child region (the region itself for a desa).
    var graduations: [RegionCode: [Cluster: Int]] = [:]
    /// Households graduated in the period by any cluster, per child region.
    var graduatedHouseholds: [RegionCode: Int] = [:]

    /// Written into the SQL as a literal (a constant of the code, never input), so SQLite can use the
    /// partial index `householdEvent_graduation`, which holds graduations only.
    static let graduatedType = HouseholdGraduated.eventType.ceType

    /// Reads the facts of `region` and `period`. Costs the enrolments, deliveries and graduations of the
    /// region's desa (one range of each table's desa index), not the whole store.
    static func read(region: RegionCode, period: Period, _ db: Database) throws -> RealisationFacts {
        var facts = RealisationFacts()
        let part = partExpression(region, column: "desaCode")
        let (inside, insideArguments) = CoordinatorQueries.within(region, column: "desaCode")
        let first = period.firstDay.description
        let last = period.lastDay.description

        func programmeRows(_ sql: String, _ arguments: StatementArguments, apply: (inout Realisation, Row) -> Void) throws {
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                guard let cluster = row["cluster"] as Cluster?, let programme = row["programme"] as String?,
                    let strategy = row["strategy"] as Strategy?, let code = try? RegionCode(row["part"] as String? ?? "")
                else { continue }
                let key = ProgrammeKey(cluster: cluster, programme: programme)
                var entry = facts.parts[code, default: [:]][key] ?? (strategy, Realisation())
                apply(&entry.realised, row)
                facts.parts[code, default: [:]][key] = entry
            }
        }
        let overlap = "startedOn <= ? AND (endedOn IS NULL OR endedOn >= ?)"
        try programmeRows(
            """
            SELECT cluster, programme, strategy, \(part) AS part, count(*) AS n FROM enrolment
            WHERE \(inside) AND startedOn >= ? AND startedOn <= ? GROUP BY cluster, programme, strategy, part
            """, insideArguments + StatementArguments([first, last])
        ) { $0.enrolmentsStarted += $1["n"] }
        try programmeRows(
            """
            SELECT cluster, programme, strategy, \(part) AS part, count(DISTINCT householdKey) AS n FROM enrolment
            WHERE \(inside) AND \(overlap) GROUP BY cluster, programme, strategy, part
            """, insideArguments + StatementArguments([last, first])
        ) { $0.householdsServed += $1["n"] }
        try programmeRows(Self.peopleServedSQL(region, inside: within(region, "e.desaCode").sql, overlap: overlapOf("e"), byPart: true),
            within(region, "e.desaCode").arguments + StatementArguments([last, first])
        ) { $0.peopleServed += $1["n"] }
        let periods = periodsInside(period)
        try programmeRows(
            """
            SELECT cluster, programme, strategy, \(part) AS part, count(*) AS n, coalesce(sum(amountRupiah), 0) AS rupiah
            FROM delivery WHERE \(inside) AND period IN (\(databaseQuestionMarks(count: periods.count)))
            GROUP BY cluster, programme, strategy, part
            """, insideArguments + StatementArguments(periods)
        ) {
            $0.deliveries += $1["n"]
            $0.deliveredRupiah += $1["rupiah"]
        }
        // A programme's graduations: households its cluster graduated in the period while enrolled in it.
        let (enrolledInside, enrolledArguments) = CoordinatorQueries.within(region, column: "en.desaCode")
        let graduatedFromProgramme = """
            FROM householdEvent e JOIN enrolment en ON en.householdKey = e.householdKey AND en.cluster = e.cluster
            WHERE e.ceType = '\(graduatedType)' AND e.effectiveDate >= ? AND e.effectiveDate <= ?
            AND en.startedOn <= e.effectiveDate AND (en.endedOn IS NULL OR en.endedOn >= ?) AND \(enrolledInside)
            """
        let programmeGraduationArguments = StatementArguments([first, last, first]) + enrolledArguments
        try programmeRows(
            """
            SELECT en.cluster AS cluster, en.programme AS programme, en.strategy AS strategy, \(partExpression(region, column: "en.desaCode")) AS part,
            count(DISTINCT e.householdKey) AS n \(graduatedFromProgramme) GROUP BY en.cluster, en.programme, en.strategy, part
            """, programmeGraduationArguments
        ) { $0.graduations += $1["n"] }
        for programmes in facts.parts.values {
            for (key, entry) in programmes {
                var total = facts.programmes[key] ?? (entry.strategy, Realisation())
                total.realised = total.realised + entry.realised
                facts.programmes[key] = total
            }
        }
        // A household enrolled from two desa of the region (it moved) is served once in the region.
        let served = try Row.fetchAll(
            db,
            sql: """
                SELECT cluster, programme, count(DISTINCT householdKey) AS n FROM enrolment
                WHERE \(inside) AND \(overlap) GROUP BY cluster, programme
                """, arguments: insideArguments + StatementArguments([last, first]))
        for row in served {
            guard let cluster = row["cluster"] as Cluster?, let programme = row["programme"] as String? else { continue }
            facts.programmes[ProgrammeKey(cluster: cluster, programme: programme)]?.realised.householdsServed = row["n"]
        }
        for row in try Row.fetchAll(
            db, sql: Self.peopleServedSQL(region, inside: within(region, "e.desaCode").sql, overlap: overlapOf("e"), byPart: false),
            arguments: within(region, "e.desaCode").arguments + StatementArguments([last, first]))
        {
            guard let cluster = row["cluster"] as Cluster?, let programme = row["programme"] as String? else { continue }
            facts.programmes[ProgrammeKey(cluster: cluster, programme: programme)]?.realised.peopleServed = row["n"]
        }
        // Likewise a household that graduated from a programme in two desa of the region graduated once.
        for row in try Row.fetchAll(
            db, sql: "SELECT en.cluster AS cluster, en.programme AS programme, count(DISTINCT e.householdKey) AS n \(graduatedFromProgramme) GROUP BY en.cluster, en.programme",
            arguments: programmeGraduationArguments)
        {
            guard let cluster = row["cluster"] as Cluster?, let programme = row["programme"] as String? else { continue }
            facts.programmes[ProgrammeKey(cluster: cluster, programme: programme)]?.realised.graduations = row["n"]
        }

        let (householdInside, householdArguments) = CoordinatorQueries.within(region, column: "h.desaCode")
        let graduated = """
            FROM historyByHousehold e JOIN household h ON h.number = e.household
            WHERE e.ceType = '\(graduatedType)' AND e.effectiveDate >= ? AND e.effectiveDate <= ? AND \(householdInside)
            """
        let graduationArguments = StatementArguments([first, last]) + householdArguments
        let householdPart = partExpression(region, column: "h.desaCode")
        for row in try Row.fetchAll(
            db, sql: "SELECT e.cluster AS cluster, \(householdPart) AS part, count(DISTINCT e.household) AS n \(graduated) GROUP BY e.cluster, part",
            arguments: graduationArguments)
        {
            guard let cluster = row["cluster"] as Cluster?, let code = try? RegionCode(row["part"] as String? ?? "") else { continue }
            facts.graduations[code, default: [:]][cluster] = row["n"]
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT \(householdPart) AS part, count(DISTINCT e.household) AS n \(graduated) GROUP BY part",
            arguments: graduationArguments)
        {
            guard let code = try? RegionCode(row["part"] as String? ?? "") else { continue }
            facts.graduatedHouseholds[code] = row["n"]
        }
        return facts
    }

    /// The SQL for the child region a desa-code column lies in (the desa itself when `region` is a desa).
    /// Jiwa served per programme (and per child region with `byPart`): each household served counted by its
    /// people, or by its members enrolled for a programme of one person (`memberKey`), once per programme.
    static func peopleServedSQL(_ region: RegionCode, inside: String, overlap: String, byPart: Bool) -> String {
        let part = byPart ? ", \(partExpression(region, column: "e.desaCode")) AS part" : ""
        let groupPart = byPart ? ", part" : ""
        return """
            SELECT cluster, programme, strategy\(byPart ? ", part" : ""), sum(n) AS n FROM (
              SELECT e.cluster AS cluster, e.programme AS programme, e.strategy AS strategy\(part),
              CASE WHEN count(e.memberKey) = 0 THEN max(h.people) ELSE count(DISTINCT e.memberKey) END AS n
              FROM enrolmentByHousehold e JOIN household h ON h.number = e.household
              WHERE \(inside) AND \(overlap)
              GROUP BY e.cluster, e.programme, e.strategy\(groupPart), e.household)
            GROUP BY cluster, programme, strategy\(groupPart)
            """
    }

    /// `within` for a column of a joined table.
    private static func within(_ region: RegionCode, _ column: String) -> (sql: String, arguments: StatementArguments) {
        CoordinatorQueries.within(region, column: column)
    }

    /// The enrolment of alias `alias` overlaps the period (arguments: its last day, then its first).
    private static func overlapOf(_ alias: String) -> String {
        "\(alias).startedOn <= ? AND (\(alias).endedOn IS NULL OR \(alias).endedOn >= ?)"
    }

    static func partExpression(_ region: RegionCode, column: String) -> String {
        guard let child = region.level.child else { return column }
        return "substr(\(column), 1, \(dottedLength(child)))"
    }

    /// The length of a dotted code at `level`: 2, 5, 8 or 13.
    static func dottedLength(_ level: RegionLevel) -> Int {
        switch level {
        case .province: 2
        case .kabupaten: 5
        case .kecamatan: 8
        case .desa: 13
        }
    }

    /// The period and every period inside it, as deliveries write them: a year, its quarters and months.
    static func periodsInside(_ period: Period) -> [String] {
        var periods = [period]
        switch period.unit {
        case .year:
            periods += (1...4).compactMap { try? Period(year: period.year, quarter: $0) }
            periods += (1...12).compactMap { try? Period(year: period.year, month: $0) }
        case .quarter(let quarter):
            periods += (quarter * 3 - 2...quarter * 3).compactMap { try? Period(year: period.year, month: $0) }
        case .month:
            break
        }
        return periods.map(\.description)
    }
}
