import EntasAPI
import EntasDomain

/// One dated status a cluster gave a household: an assessment, a graduation (status `graduated`), or a
/// counted field verification (``isVerification``), which speaks for every cluster (``HouseholdStanding``).
struct StatusFact: Sendable, Hashable {
    var cluster: Cluster
    var status: PovertyStatus
    var order: FactOrder
    var isVerification = false

    /// The month the status takes effect in.
    var month: CalendarMonth { CalendarMonth(order.day) }
}

/// A month and a consensus status: one cell of the progress view (`regionMonth`).
struct MonthStatus: Sendable, Hashable, Comparable {
    var month: CalendarMonth
    var status: PovertyStatus

    static func < (lhs: MonthStatus, rhs: MonthStatus) -> Bool {
        (lhs.month, lhs.status.severity) < (rhs.month, rhs.status.severity)
    }
}

/// A household's consensus status month by month, as net changes, rebuilt from all its dated statuses.
///
/// The consensus at the end of a month applies ``ConsensusRule`` to each cluster's latest status dated in or
/// before that month (a verification speaks for every cluster, as in ``HouseholdStanding``), falling back to
/// the registration's baseline from the first month of its survey on (PPLS 2008 unless the registration names
/// another period), not from the month the household was registered or imported.
/// Each month where that consensus changes gives −1 to the old status and +1 to the new one, so summing a
/// household's changes up to a month gives 1 for its status then. Because the timeline is rebuilt from the
/// dated facts, not from the order events arrived in, any arrival order gives the same changes; and the sum
/// of all changes is the household's current consensus, so the progress view ends where the overview is.
enum StatusTimeline {
    /// The net changes of one household's consensus.
    /// - Parameters:
    ///   - facts: every assessment and graduation of the household, in any order.
    ///   - baseline: the registration's baseline status and the first month of its survey, when a
    ///     registration gave one (a baseline taken from an assessment is already among `facts`).
    static func changes(
        facts: [StatusFact], baseline: (status: PovertyStatus, month: CalendarMonth)?
    ) -> [MonthStatus: Int] {
        let ordered = facts.sorted { $0.order < $1.order }
        var months = Set(ordered.map(\.month))
        if let baseline { months.insert(baseline.month) }
        var latest: [Cluster: PovertyStatus] = [:]
        var next = ordered.startIndex
        var previous: PovertyStatus?
        var changes: [MonthStatus: Int] = [:]
        for month in months.sorted() {
            while next < ordered.endIndex, ordered[next].month <= month {
                let fact = ordered[next]
                if fact.isVerification {
                    for cluster in latest.keys { latest[cluster] = fact.status }
                }
                latest[fact.cluster] = fact.status
                next += 1
            }
            let baselineNow = baseline.flatMap { $0.month <= month ? $0.status : nil }
            let status = ConsensusRule.consensus(of: Array(latest.values), baseline: baselineNow)
            guard status != previous else { continue }
            if let previous { changes[MonthStatus(month: month, status: previous), default: 0] -= 1 }
            if let status { changes[MonthStatus(month: month, status: status), default: 0] += 1 }
            previous = status
        }
        return changes.filter { $0.value != 0 }
    }
}
