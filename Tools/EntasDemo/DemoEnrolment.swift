import EntasDomain

/// Enrols a household in a programme: `POST /v1/enrolments` at ``cluster``'s service. Encodes as that
/// route's body. A (kkNumber, programme) pair is enrolled at most once, so it names the enrolment for the
/// deliveries that follow.
public struct DemoEnrolment: Sendable, Hashable, Codable {
    /// The household.
    public var kkNumber: String
    /// The enrolling cluster.
    public var cluster: Cluster
    /// The programme code, e.g. `pkh`.
    public var programme: String
    /// The first day.
    public var startedOn: CalendarDate
    /// The cluster whose accepted referral led to this enrolment; nil for an ordinary enrolment.
    public var referredBy: Cluster?
    /// The member enrolled, for a programme of one person (PIP: the household's eldest pupil).
    public var memberNIK: String?
}
