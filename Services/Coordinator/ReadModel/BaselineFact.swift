import EntasAPI
import EntasDomain

/// A candidate for a household's baseline status: a registration's `baselineStatus` (PPLS 2008), or an
/// assessment's status when no registration gives one.
///
/// Rule: the first status known is the baseline. A registration's baseline outranks any assessment and,
/// once one is known, assessments never change it. "First" is decided by the facts' dates, not by arrival:
/// the registration with the earliest survey (its `baselinePeriod`, PPLS 2008 when absent; then `ce_time`, then
/// event id) among those that carry a baseline, else the earliest
/// assessment (`assessedOn`, then `ce_time`, then event id). Graduations are not assessments and never
/// become a baseline. So every arrival order ends with the same baseline.
struct BaselineFact: Sendable, Hashable {
    var status: PovertyStatus
    var source: BaselineSource
    var order: FactOrder

    /// True when this fact should replace `current` as the baseline.
    func supersedes(_ current: BaselineFact?) -> Bool {
        guard let current else { return true }
        if source != current.source { return source == .registration }
        return order < current.order
    }
}

extension Household {
    /// The household's baseline and where it came from.
    var baseline: BaselineFact? {
        guard let baselineStatus, let baselineSource, let baselineOn, let baselineTime, let baselineEventId else {
            return nil
        }
        return BaselineFact(
            status: baselineStatus, source: baselineSource,
            order: FactOrder(day: baselineOn, time: baselineTime, eventId: baselineEventId))
    }

    /// Takes `fact` as the baseline when it supersedes the current one.
    mutating func adopt(_ fact: BaselineFact) {
        guard fact.supersedes(baseline) else { return }
        baselineStatus = fact.status
        baselineSource = fact.source
        baselineOn = fact.order.day
        baselineTime = fact.order.time
        baselineEventId = fact.order.eventId
    }

    /// The registration baseline the progress timeline starts from, with the first month of its survey (the
    /// registration's baseline fact is dated to the survey period's first day).
    var registeredBaseline: (status: PovertyStatus, month: CalendarMonth)? {
        guard baselineSource == .registration, let baselineStatus, let baselineOn else { return nil }
        return (baselineStatus, CalendarMonth(baselineOn))
    }
}
