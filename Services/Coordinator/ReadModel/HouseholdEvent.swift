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
    /// The status an assessment states, `graduated` for a graduation, the status found for a counted
    /// verification, nil otherwise.
    var status: PovertyStatus?
    var summary: String
    /// The team of a `verification.assigned` (an agency's identifier, never a person's data); nil otherwise.
    var detail: String?

    enum Columns {
        static let eventId = Column(CodingKeys.eventId)
        static let householdKey = Column(CodingKeys.householdKey)
        static let effectiveDate = Column(CodingKeys.effectiveDate)
        static let eventTime = Column(CodingKeys.eventTime)
        static let status = Column(CodingKeys.status)
    }

    var order: FactOrder { FactOrder(day: effectiveDate, time: eventTime, eventId: eventId) }

    static let verifiedType = HouseholdVerified.eventType.ceType
    static let requestedType = VerificationRequested.eventType.ceType
    static let assignedType = VerificationAssigned.eventType.ceType

    /// Every assessment, graduation and counted verification of the household numbered `number`, as timeline
    /// facts, and the steps of its verification cases: one statement.
    static func facts(for number: Int64, _ db: Database) throws -> (status: [StatusFact], steps: [CaseStep]) {
        // Read for every event: only the columns a fact needs, decoded by hand.
        let statement = try DirectStatement(db, sql: factsSQL)
        var status: [StatusFact] = []
        var steps: [CaseStep] = []
        try statement.forEachRow(number) { row in
            let cluster: Cluster = try row[0]
            let order = FactOrder(day: try row[2], time: try row[3], eventId: try row[4])
            let type: String = try row[5]
            let fact: PovertyStatus? = try row[1]
            if let fact {
                status.append(StatusFact(cluster: cluster, status: fact, order: order, isVerification: type == verifiedType))
            } else {
                let kind: CaseStep.Kind = type == requestedType ? .request : type == SharedPersonStep.ceType ? .sharedPerson : .assignment
                steps.append(CaseStep(kind: kind, cluster: cluster, team: try row[6], order: order))
            }
        }
        return (status, steps)
    }

    /// The case steps' types written into the statement, as equalities: SQLite builds a temporary B-tree for an
    /// `IN` list of three at every run, and compiles the statement again for every new value bound where the
    /// graduation index's condition names the column (our own constants, never input).
    private static let factsSQL = """
        SELECT cluster, status, effectiveDate, eventTime, eventId, ceType, detail FROM historyByHousehold
        WHERE household = ? AND (status IS NOT NULL OR ceType = '\(requestedType)' OR ceType = '\(assignedType)'
            OR ceType = '\(SharedPersonStep.ceType)')
        """

    /// This row as a timeline fact, when it states a status.
    var statusFact: StatusFact? {
        status.map { StatusFact(cluster: cluster, status: $0, order: order, isVerification: ceType == Self.verifiedType) }
    }

    /// This row as a case step, when it is a request or an assignment.
    var caseStep: CaseStep? {
        switch ceType {
        case Self.requestedType: CaseStep(kind: .request, cluster: cluster, order: order)
        case SharedPersonStep.ceType: CaseStep(kind: .sharedPerson, cluster: cluster, order: order)
        case Self.assignedType: CaseStep(kind: .assignment, cluster: cluster, team: detail, order: order)
        default: nil
        }
    }

    /// The ids (lowercase) of `events` already in their household's history: one probe of the history's key
    /// (household number, event id) per event. Only an apply outside the inbox asks; the inbox sets aside an
    /// event id it has applied before, whatever household it names.
    static func recorded(_ events: [(key: HouseholdKey, eventId: String)], _ db: Database) throws -> Set<String> {
        let statement = try DirectStatement(db, sql: recordedSQL)
        var recorded: Set<String> = []
        for (key, eventId) in events where try statement.readOne(key, eventId, reading: { _ in () }) != nil {
            recorded.insert(eventId)
        }
        return recorded
    }

    private static let recordedSQL = """
        SELECT 1 FROM householdNumber JOIN historyByHousehold ON historyByHousehold.household = householdNumber.number
        WHERE householdNumber.key = ? AND historyByHousehold.eventId = ?
        """
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
        detail = try row.decode(forColumn: "detail")
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
        container["detail"] = detail
    }
}
