import EntasAPI
import EntasDomain
import GRDB

/// The facts of one household the consensus views are derived from, read once per batch (three statements)
/// and kept up to date in memory as the batch's events are applied, while the same changes are written to
/// their tables: its enrolments, its assessments and graduations as timeline facts, and each cluster's latest.
struct HouseholdState: Sendable {
    var enrolments: [Enrolment]
    var statusFacts: [StatusFact]
    /// Each cluster's latest assessment (or graduation): its status and order.
    var latest: [Cluster: StatusFact]

    /// A household placed by this batch: no facts stored yet (every fact table refers to a placed household;
    /// the history rows that may wait for one carry no status).
    static let empty = HouseholdState(enrolments: [], statusFacts: [], latest: [:])

    /// The stored facts of the household `key`.
    static func load(_ key: HouseholdKey, _ db: Database) throws -> HouseholdState {
        let statusFacts = try HouseholdEvent.statusFacts(for: key, db)
        let statement = try db.cachedStatement(
            sql: "SELECT cluster, status, assessedOn, eventTime, eventId FROM clusterAssessment WHERE householdKey = ?")
        var latest: [Cluster: StatusFact] = [:]
        for row in try Row.fetchAll(statement, arguments: [key]) {
            let fact = StatusFact(
                cluster: try row.decode(Cluster.self, atIndex: 0), status: try row.decode(PovertyStatus.self, atIndex: 1),
                order: FactOrder(
                    day: try row.decode(CalendarDate.self, atIndex: 2), time: try row.decode(Timestamp.self, atIndex: 3),
                    eventId: try row.decode(String.self, atIndex: 4)))
            latest[fact.cluster] = fact
        }
        return HouseholdState(enrolments: try Enrolment.all(for: key, db), statusFacts: statusFacts, latest: latest)
    }

    /// The latest statuses, one per cluster, in the clusters' stored order (what the consensus rule reads).
    var latestStatuses: [PovertyStatus] {
        latest.values.sorted { $0.cluster.rawValue < $1.cluster.rawValue }.map(\.status)
    }

    /// Takes in an assessment or a graduation: a timeline fact, and the cluster's latest if it is later.
    mutating func add(_ fact: StatusFact) {
        statusFacts.append(fact)
        if let current = latest[fact.cluster], current.order >= fact.order { return }
        latest[fact.cluster] = fact
    }

    /// The enrolment with this id (lowercase), if the household has it.
    func enrolment(_ id: String) -> Enrolment? {
        enrolments.first { $0.enrolmentID == id }
    }

    /// Replaces or adds `enrolment`.
    mutating func set(_ enrolment: Enrolment) {
        if let index = enrolments.firstIndex(where: { $0.enrolmentID == enrolment.enrolmentID }) {
            enrolments[index] = enrolment
        } else {
            enrolments.append(enrolment)
        }
    }
}
