import EntasAPI
import EntasDomain

/// How the read model orders two facts of one kind, so that the order events arrive in never matters: by the
/// day the fact is dated (an assessment's `assessedOn`; the Jakarta day of `ce_time` for facts without a day),
/// then by `ce_time`, then by event id (lowercase UUID text), which no two events share.
struct FactOrder: Sendable, Hashable, Comparable {
    var day: CalendarDate
    var time: Timestamp
    var eventId: String

    /// A fact dated `day`.
    init(day: CalendarDate, time: Timestamp, eventId: String) {
        self.day = day
        self.time = time
        self.eventId = eventId
    }

    /// A fact dated by its event time alone.
    init(time: Timestamp, eventId: String) {
        self.init(day: time.jakartaDay, time: time, eventId: eventId)
    }

    static func < (lhs: FactOrder, rhs: FactOrder) -> Bool {
        (lhs.day, lhs.time, lhs.eventId) < (rhs.day, rhs.time, rhs.eventId)
    }
}
