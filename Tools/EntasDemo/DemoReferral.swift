import EntasDomain

/// Refers a household to another cluster: `POST /v1/referrals` at ``fromCluster``'s service. Encodes as
/// that route's body (the service dates it itself; ``madeOn`` is the plan's date).
public struct DemoReferral: Sendable, Hashable, Codable {
    /// The household.
    public var kkNumber: String
    /// The referring cluster.
    public var fromCluster: Cluster
    /// The cluster referred to; never ``fromCluster``.
    public var toCluster: Cluster
    /// Why.
    public var reason: String
    /// The plan's day, January–February 2026.
    public var madeOn: CalendarDate
}
