import Foundation

/// `referral.answered` v1, on the answering cluster's topic: the cluster a household was referred to accepts
/// or declines it. `fromCluster` and `toCluster` repeat the referral's, so `toCluster` is the publisher.
public struct ReferralAnswered: EventData {
    /// `id.go.jatim.entas.referral.answered.v1`.
    public static let eventType = EventType(name: "referral.answered", version: 1)

    /// The referral answered (from its `referral.made`).
    @LowercaseUUID public var referralID: UUID
    /// No. KK of the household.
    public var kkNumber: KKNumber
    /// The household's desa/kelurahan.
    public var desaCode: RegionCode
    /// The cluster that made the referral.
    public var fromCluster: Cluster
    /// The cluster that answers (and publishes this event).
    public var toCluster: Cluster
    /// Accepted or declined.
    public var outcome: ReferralOutcome
    /// Why, or what happens next; expected when declining.
    public var note: String?
    /// The day of the answer.
    public var answeredOn: CalendarDate

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(
        referralID: UUID, kkNumber: KKNumber, desaCode: RegionCode, fromCluster: Cluster, toCluster: Cluster,
        outcome: ReferralOutcome, note: String? = nil, answeredOn: CalendarDate
    ) {
        self.referralID = referralID
        self.kkNumber = kkNumber
        self.desaCode = desaCode
        self.fromCluster = fromCluster
        self.toCluster = toCluster
        self.outcome = outcome
        self.note = note
        self.answeredOn = answeredOn
    }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        try check.desa(desaCode, "desaCode")
        try check.differentClusters(fromCluster, toCluster, "toCluster")
        if let note { try check.text(note, "note") }
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .referralAnswered(self) }
}
