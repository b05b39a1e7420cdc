import EntasAPI
import EntasDomain
import EntasStore
import GRDB

/// A household's enrolment in a cluster's programme (`enrolment`), assembled from `enrolment.started` and
/// `enrolment.ended` in whichever order they arrive. Active means started and not ended: an end is final
/// whatever its date, and an end that arrives first waits for its start.
struct Enrolment: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "enrolment"

    /// The lowercase UUID.
    var enrolmentID: String
    var householdKey: HouseholdKey
    var cluster: Cluster
    var programme: String
    /// Known from the start.
    var strategy: Strategy?
    /// The desa of the start (of the end until the start arrives).
    var desaCode: RegionCode
    var startedOn: CalendarDate?
    var endedOn: CalendarDate?
    /// For a programme of one person (PIP): the member enrolled, as a ``PersonKey`` (never the NIK).
    var memberKey: String?

    enum Columns {
        static let householdKey = Column(CodingKeys.householdKey)
        static let startedOn = Column(CodingKeys.startedOn)
        static let endedOn = Column(CodingKeys.endedOn)
    }

    /// Started and not ended.
    var isActive: Bool { startedOn != nil && endedOn == nil }

    /// The enrolments of the household numbered `number` (``HouseholdNumber``), keyed `key`.
    static func all(for number: Int64, key: HouseholdKey, _ db: Database) throws -> [Enrolment] {
        // Read for most events: by position, through SQLite's API (``DirectStatement``).
        try DirectStatement(
            db,
            sql: """
                SELECT enrolmentID, cluster, programme, strategy, desaCode, startedOn, endedOn, memberKey
                FROM enrolmentByHousehold WHERE household = ?
                """
        ).readAll(number) { row in
            Enrolment(
                enrolmentID: try row[0], householdKey: key, cluster: try row[1], programme: try row[2], strategy: try row[3],
                desaCode: try row[4], startedOn: try row[5], endedOn: try row[6], memberKey: try row[7])
        }
    }

    /// What the start of this enrolment adds to `regionStrategy.enrolmentsStarted`, in the desa of the start.
    var startedCells: [StrategyCell: StrategyCounts] {
        guard startedOn != nil, let strategy else { return [:] }
        var counts = StrategyCounts()
        counts.enrolmentsStarted = 1
        return [StrategyCell(desaCode: desaCode, cluster: cluster, strategy: strategy): counts]
    }
}

// Read twice and often written for every event: coded by hand (GRDB's `init(row:)` and `encode(to:)`) rather than through Codable.
extension Enrolment {
    init(row: Row) throws {
        enrolmentID = try row.decode(forColumn: "enrolmentID")
        householdKey = try row.decode(forColumn: "householdKey")
        cluster = try row.decode(forColumn: "cluster")
        programme = try row.decode(forColumn: "programme")
        strategy = try row.decode(forColumn: "strategy")
        desaCode = try row.decode(forColumn: "desaCode")
        startedOn = try row.decode(forColumn: "startedOn")
        endedOn = try row.decode(forColumn: "endedOn")
        memberKey = try row.decode(forColumn: "memberKey")
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["enrolmentID"] = enrolmentID
        container["householdKey"] = householdKey
        container["cluster"] = cluster
        container["programme"] = programme
        container["strategy"] = strategy
        container["desaCode"] = desaCode
        container["startedOn"] = startedOn
        container["endedOn"] = endedOn
        container["memberKey"] = memberKey
    }
}

extension Enrolment {
    /// Inserts or replaces the row through one cached statement (GRDB's `upsert()` builds its SQL per call), with
    /// the household's number (``HouseholdNumber``).
    func write(number: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO enrolmentByHousehold (enrolmentID, household, cluster, programme, strategy, desaCode, startedOn, endedOn, memberKey)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (enrolmentID) DO UPDATE SET
                household = excluded.household, cluster = excluded.cluster, programme = excluded.programme,
                strategy = excluded.strategy, desaCode = excluded.desaCode, startedOn = excluded.startedOn,
                endedOn = excluded.endedOn, memberKey = excluded.memberKey
                """)
        try statement.execute(arguments: [
            enrolmentID, number, cluster, programme, strategy, desaCode, startedOn, endedOn, memberKey,
        ])
    }

    /// Inserts the row, with the household's number, unless one with its id exists (then nothing changes); true
    /// when it was inserted.
    func insertIfNew(number: Int64, _ db: Database) throws -> Bool {
        try DirectStatement(
            db,
            sql: """
                INSERT INTO enrolmentByHousehold (enrolmentID, household, cluster, programme, strategy, desaCode, startedOn, endedOn, memberKey)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """
        ).execute(enrolmentID, number, cluster, programme, strategy, desaCode, startedOn, endedOn, memberKey)
        return db.changesCount == 1
    }
}
