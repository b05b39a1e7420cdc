import EntasAPI
import EntasDomain
import GRDB

/// The facts of one household the consensus views are derived from, read once per batch (two statements, by the household's number)
/// and kept up to date in memory as the batch's events are applied, while the same changes are written to
/// their tables: its enrolments, its assessments, graduations and verifications as timeline facts, and the
/// steps of its verification cases.
struct HouseholdState: Sendable {
    var enrolments: [Enrolment]
    var statusFacts: [StatusFact]
    /// Requests for verification and assignments of its cases.
    var caseSteps: [CaseStep]
    /// A household placed by this batch: no facts stored yet (every fact table refers to a placed household;
    /// the history rows that may wait for one carry no status).
    static let empty = HouseholdState(enrolments: [], statusFacts: [], caseSteps: [])

    /// The stored facts of the household numbered `number` (``HouseholdNumber``), keyed `key`.
    static func load(_ number: Int64, key: HouseholdKey, _ db: Database) throws -> HouseholdState {
        let facts = try HouseholdEvent.facts(for: number, db)
        return HouseholdState(
            enrolments: try Enrolment.all(for: number, key: key, db), statusFacts: facts.status, caseSteps: facts.steps)
    }

    /// Where the household stands: effective statuses, verification, open case.
    var standing: HouseholdStanding { HouseholdStanding(facts: statusFacts, steps: caseSteps) }

    /// Takes in an assessment, a graduation or a counted verification.
    mutating func add(_ fact: StatusFact) {
        statusFacts.append(fact)
    }

    /// Takes in a request for verification or an assignment.
    mutating func add(_ step: CaseStep) {
        caseSteps.append(step)
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
