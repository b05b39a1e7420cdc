import EntasDomain

/// Answers a referral: `POST /v1/referrals/{id}/accept` or `…/decline` at ``toCluster``'s service, where
/// `{id}` is the id of the referral (kkNumber, fromCluster, toCluster). Encodes as that route's body.
public struct DemoReferralAnswer: Sendable, Hashable, Codable {
    /// The household.
    public var kkNumber: String
    /// The cluster that referred.
    public var fromCluster: Cluster
    /// The answering cluster.
    public var toCluster: Cluster
    /// Accepted or declined.
    public var outcome: ReferralOutcome
    /// Why, or what follows.
    public var note: String?
    /// The day of the answer, after the referral.
    public var answeredOn: CalendarDate
}
