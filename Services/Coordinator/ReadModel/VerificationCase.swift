import Crypto
import EntasAPI
import EntasDomain
import Foundation

/// A step of a household's verification case that states no status: a cluster's request for a field
/// verification (`verification.requested`), or the assignment of the open case to a team
/// (`verification.assigned`).
struct CaseStep: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        /// A cluster's request; a person listed in two households (the coordinator's finding), which opens a
        /// case as a request does; an assignment.
        case request, sharedPerson, assignment
    }

    var kind: Kind
    var cluster: Cluster
    /// The team of an assignment.
    var team: String?
    var order: FactOrder
}

/// The case a household has open: why it opened, since when, and the team working it.
struct OpenCase: Sendable, Hashable {
    /// The case's id: derived from the id of the event that opened it, so every replay numbers it alike.
    var id: String
    /// What opened the case: the clusters' disagreement, or a cluster's request.
    var kind: CaseKind
    var openedOn: CalendarDate
    var team: String?
    var assignedOn: CalendarDate?

    /// The case id for the case the event `eventId` opened: a UUID made from SHA-256 of `entas.case:` and the
    /// event id (version and variant bits set as RFC 9562's version 8), lowercase.
    static func id(openedBy eventId: String) -> String {
        var bytes = Array(SHA256.hash(data: Data("entas.case:\(eventId)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let uuid = UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
        return uuid.lowercaseText
    }
}

/// Where a household stands once its dated facts are replayed in order (``FactOrder``): each cluster's
/// effective status, the verification in force, and the case open, if any (docs/coordinator.md,
/// "Verification cases").
///
/// - A verification from a verifying cluster (``CoordinatorReadModel`` is told which) becomes every cluster's
///   word that is dated on or before it, and the verifying cluster's own: the clusters agree, the consensus is
///   the verified status and the conflict is gone.
/// - A cluster that assesses (or graduates) the household after the verification speaks for itself again;
///   if it disagrees, the household is in conflict once more and a new case opens.
/// - A case is open while the effective statuses disagree (opened by the fact that began the disagreement)
///   or while a cluster's request waits for a verification (opened by the request); the earlier opener names
///   the case. A verification, or the clusters coming to agree, closes the conflict; a request only a
///   verification dated on or after it closes. An assignment belongs to the case open when it is dated and
///   ends with it.
///
/// Built from the facts' dates, never their arrival, so any order and any repetition of the same events
/// give the same standing; a rebuild from the log gives it back.
struct HouseholdStanding: Sendable, Equatable {
    /// Each cluster's effective status.
    var statuses: [Cluster: PovertyStatus] = [:]
    /// The latest verification counted.
    var verification: StatusFact?
    var openCase: OpenCase?

    /// The effective statuses in the clusters' stored order (what ``ConsensusRule`` reads).
    var statusList: [PovertyStatus] {
        statuses.sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
    }

    /// True when the household's latest case ended with a verification and none is open.
    var isVerified: Bool { verification != nil && openCase == nil }

    init(facts: [StatusFact], steps: [CaseStep]) {
        enum Item {
            case status(StatusFact)
            case step(CaseStep)
            var order: FactOrder {
                switch self {
                case .status(let fact): fact.order
                case .step(let step): step.order
                }
            }
        }
        let items = (facts.map(Item.status) + steps.map(Item.step)).sorted { $0.order < $1.order }
        var conflictFrom: FactOrder?
        var request: CaseStep?
        var assignment: CaseStep?
        for item in items {
            switch item {
            case .status(let fact) where fact.isVerification:
                for cluster in statuses.keys { statuses[cluster] = fact.status }
                statuses[fact.cluster] = fact.status
                verification = fact
                request = nil
            case .status(let fact):
                statuses[fact.cluster] = fact.status
            case .step(let step) where step.kind == .request || step.kind == .sharedPerson:
                if request == nil { request = step }
            case .step(let step):
                assignment = step
            }
            if ConsensusRule.hasConflict(Array(statuses.values)) {
                if conflictFrom == nil { conflictFrom = item.order }
            } else {
                conflictFrom = nil
            }
            if conflictFrom == nil, request == nil { assignment = nil }
        }
        let requestKind: CaseKind = request?.kind == .sharedPerson ? .sharedPerson : .requested
        let opener: (order: FactOrder, kind: CaseKind)? =
            switch (conflictFrom, request?.order) {
            case (let conflict?, let request?): conflict <= request ? (conflict, .conflict) : (request, requestKind)
            case (let conflict?, nil): (conflict, .conflict)
            case (nil, let request?): (request, requestKind)
            case (nil, nil): nil
            }
        if let opener {
            openCase = OpenCase(
                id: OpenCase.id(openedBy: opener.order.eventId), kind: opener.kind, openedOn: opener.order.day,
                team: assignment?.team, assignedOn: assignment?.order.day)
        }
    }

    /// The consensus: ``ConsensusRule`` over the effective statuses, else the baseline.
    func consensus(baseline: PovertyStatus?) -> PovertyStatus? {
        ConsensusRule.consensus(of: statusList, baseline: baseline)
    }

    var hasConflict: Bool { ConsensusRule.hasConflict(statusList) }
}
