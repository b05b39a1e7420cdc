import EntasAPI
import EntasDomain
import EntasStore
import GRDB


/// A cluster's latest assessment of a household (`clusterAssessment`), one row per household and cluster.
/// "Latest" is by ``FactOrder``: `assessedOn` (a graduation's `graduatedOn`), then `ce_time`, then event
/// id, so an older assessment arriving late does not replace a newer one.
struct ClusterAssessment: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "clusterAssessment"

    var householdKey: HouseholdKey
    var cluster: Cluster
    var status: PovertyStatus
    /// The number of BPS criteria found met; nil for a graduation.
    var criteriaMetCount: Int?
    var source: AssessmentSource
    var assessedOn: CalendarDate
    var eventTime: Timestamp
    var eventId: String

    enum Columns {
        static let householdKey = Column(CodingKeys.householdKey)
        static let cluster = Column(CodingKeys.cluster)
    }

    var order: FactOrder { FactOrder(day: assessedOn, time: eventTime, eventId: eventId) }

    /// The household's latest assessments, one per cluster.
    static func latest(for key: HouseholdKey, _ db: Database) throws -> [ClusterAssessment] {
        try SQLRequest<ClusterAssessment>(
            sql: "SELECT * FROM clusterAssessment WHERE householdKey = ? ORDER BY cluster", arguments: [key],
            cached: true
        )
        .fetchAll(db)
    }

    /// Stores `self`, by the household's number (``HouseholdNumber``), unless the cluster already has a later
    /// assessment of the household: one cached statement that compares the orders in SQLite (days, instants and
    /// ids are stored as text that sorts as they do).
    func saveIfLatest(number: Int64, _ db: Database) throws {
        try DirectStatement(
            db,
            sql: """
                INSERT INTO assessmentByHousehold
                (household, cluster, status, criteriaMetCount, source, assessedOn, eventTime, eventId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (household, cluster) DO UPDATE SET
                status = excluded.status, criteriaMetCount = excluded.criteriaMetCount, source = excluded.source,
                assessedOn = excluded.assessedOn, eventTime = excluded.eventTime, eventId = excluded.eventId
                WHERE (excluded.assessedOn, excluded.eventTime, excluded.eventId)
                    > (assessmentByHousehold.assessedOn, assessmentByHousehold.eventTime, assessmentByHousehold.eventId)
                """
        ).execute(number, cluster, status, criteriaMetCount, source, assessedOn, eventTime, eventId)
    }
}

extension ClusterStatus {
    init(_ assessment: ClusterAssessment) {
        self.init(
            cluster: assessment.cluster, status: assessment.status, criteriaMetCount: assessment.criteriaMetCount,
            source: assessment.source, assessedOn: assessment.assessedOn)
    }
}
