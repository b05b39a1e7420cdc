import EntasDomain

/// Graduates a household from a cluster: `POST /v1/households/{kk}/graduation` at ``cluster``'s service
/// (which also ends its enrolments there). Encodes as that route's body.
public struct DemoGraduation: Sendable, Hashable, Codable {
    /// The household.
    public var kkNumber: String
    /// The graduating cluster.
    public var cluster: Cluster
    /// Why.
    public var reason: String
    /// The day, April–June 2026.
    public var graduatedOn: CalendarDate
}
