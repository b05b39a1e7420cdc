import Foundation

/// `referral.made` v1, on the referring cluster's topic: one cluster hands a household to another
/// (rujukan), for example social aid refers a household ready for a business grant to UMKM.
public struct ReferralMade: EventData {
    /// `id.go.jatim.entas.referral.made.v1`.
    public static let eventType = EventType(name: "referral.made", version: 1)

    /// The referral's id, chosen by the referring cluster; the answer refers to it.
    @LowercaseUUID public var referralID: UUID
    /// No. KK of the household referred.
    public var kkNumber: KKNumber
    /// The household's desa/kelurahan.
    public var desaCode: RegionCode
    /// The cluster that refers (and publishes this event).
    public var fromCluster: Cluster
    /// The cluster asked to take the household on; differs from ``fromCluster``.
    public var toCluster: Cluster
    /// Why the household is referred.
    public var reason: String
    /// The day of the referral.
    public var madeOn: CalendarDate

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(
        referralID: UUID, kkNumber: KKNumber, desaCode: RegionCode, fromCluster: Cluster, toCluster: Cluster,
        reason: String, madeOn: CalendarDate
    ) {
        self.referralID = referralID
        self.kkNumber = kkNumber
        self.desaCode = desaCode
        self.fromCluster = fromCluster
        self.toCluster = toCluster
        self.reason = reason
        self.madeOn = madeOn
    }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        try check.desa(desaCode, "desaCode")
        try check.differentClusters(fromCluster, toCluster, "toCluster")
        try check.text(reason, "reason")
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .referralMade(self) }
}
