import EntasAPI
import EntasDomain
import EntasStore
import GRDB

/// One event in a household's history (`householdEvent`): its type, cluster, effective day and a summary
/// built from coded fields only (statuses, clusters, programmes, region codes, amounts), never from names,
/// addresses or identity numbers. Assessments and graduations keep their status: the progress timeline is
/// rebuilt from these rows.
struct HouseholdEvent: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "householdEvent"

    /// The event's `ce_id`, lowercase.
    var eventId: String
    var householdKey: HouseholdKey
    /// `id.go.jatim.entas.household.assessed.v1`, …
    var ceType: String
    /// The stating cluster.
    var cluster: Cluster
    /// The day the fact is dated: `assessedOn`, `startedOn`, …; the Jakarta day of `ce_time` for a
    /// registration or an update.
    var effectiveDate: CalendarDate
    var eventTime: Timestamp
    /// The status an assessment states, `graduated` for a graduation, nil otherwise.
    var status: PovertyStatus?
    var summary: String

    enum Columns {
        static let eventId = Column(CodingKeys.eventId)
        static let householdKey = Column(CodingKeys.householdKey)
        static let effectiveDate = Column(CodingKeys.effectiveDate)
        static let eventTime = Column(CodingKeys.eventTime)
        static let status = Column(CodingKeys.status)
    }

    var order: FactOrder { FactOrder(day: effectiveDate, time: eventTime, eventId: eventId) }

    /// Every assessment and graduation of the household, as timeline facts.
    static func statusFacts(for key: HouseholdKey, _ db: Database) throws -> [StatusFact] {
        // Read for every event: only the columns a fact needs, decoded by hand.
        let statement = try db.cachedStatement(
            sql: """
                SELECT cluster, status, effectiveDate, eventTime, eventId FROM householdEvent
                WHERE householdKey = ? AND status IS NOT NULL
                """)
        return try Row.fetchAll(statement, arguments: [key]).map { row in
            StatusFact(
                cluster: try row.decode(Cluster.self, atIndex: 0), status: try row.decode(PovertyStatus.self, atIndex: 1),
                order: FactOrder(
                    day: try row.decode(CalendarDate.self, atIndex: 2), time: try row.decode(Timestamp.self, atIndex: 3),
                    eventId: try row.decode(String.self, atIndex: 4)))
        }
    }

    /// Those of `eventIds` (lowercase) already in a household's history: one statement per 500 ids.
    static func recorded(among eventIds: [String], _ db: Database) throws -> Set<String> {
        try db.presentValues(of: "eventId", in: "householdEvent", among: eventIds)
    }
}

// Written for every event: coded by hand (GRDB's `init(row:)` and `encode(to:)`) rather than through Codable.
extension HouseholdEvent {
    init(row: Row) throws {
        eventId = try row.decode(forColumn: "eventId")
        householdKey = try row.decode(forColumn: "householdKey")
        ceType = try row.decode(forColumn: "ceType")
        cluster = try row.decode(forColumn: "cluster")
        effectiveDate = try row.decode(forColumn: "effectiveDate")
        eventTime = try row.decode(forColumn: "eventTime")
        status = try row.decode(forColumn: "status")
        summary = try row.decode(forColumn: "summary")
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["eventId"] = eventId
        container["householdKey"] = householdKey
        container["ceType"] = ceType
        container["cluster"] = cluster
        container["effectiveDate"] = effectiveDate
        container["eventTime"] = eventTime
        container["status"] = status
        container["summary"] = summary
    }
}
