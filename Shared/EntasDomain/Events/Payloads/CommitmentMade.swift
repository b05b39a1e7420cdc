import Foundation

/// `commitment.made` v1, on the cluster's topic: a cluster's promise (komitmen) for a region and period: how
/// many households it will serve, how many deliveries it will make, the rupiah it budgets and, optionally, how
/// many of its households it expects to graduate, for one programme and strategy. A later commitment with the same id replaces the earlier one.
public struct CommitmentMade: EventData {
    /// `id.go.jatim.entas.commitment.made.v1`.
    public static let eventType = EventType(name: "commitment.made", version: 1)

    /// The commitment's id, chosen by the cluster; re-publishing with the same id revises it.
    @LowercaseUUID public var commitmentID: UUID
    /// The cluster that commits.
    public var cluster: Cluster
    /// The region covered, at any level (a kabupaten, a kecamatan, a desa, or the province).
    public var regionCode: RegionCode
    /// The period covered.
    public var period: Period
    /// The programme code.
    public var programme: String
    /// The strategy the programme serves.
    public var strategy: Strategy
    /// Households to be served, at least 0.
    public var households: Int
    /// Deliveries to be made, at least 0.
    public var deliveries: Int
    /// Budget in whole rupiah, at least 0.
    public var budgetRupiah: Int64
    /// Households the cluster expects to graduate (lulus, leave poverty) in the period among those the programme
    /// serves, at least 0; nil when the commitment makes no such promise. Optional, added within v1.
    public var graduations: Int?
    /// The day the commitment was made (signed or approved).
    public var madeOn: CalendarDate

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(
        commitmentID: UUID, cluster: Cluster, regionCode: RegionCode, period: Period, programme: String,
        strategy: Strategy, households: Int, deliveries: Int, budgetRupiah: Int64, graduations: Int? = nil, madeOn: CalendarDate
    ) {
        self.commitmentID = commitmentID
        self.cluster = cluster
        self.regionCode = regionCode
        self.period = period
        self.programme = programme
        self.strategy = strategy
        self.households = households
        self.deliveries = deliveries
        self.budgetRupiah = budgetRupiah
        self.graduations = graduations
        self.madeOn = madeOn
    }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        try check.region(regionCode, "regionCode")
        try check.programme(programme, "programme")
        try check.atLeast(households, 0, "households")
        try check.atLeast(deliveries, 0, "deliveries")
        try check.atLeast(budgetRupiah, 0, "budgetRupiah")
        if let graduations { try check.atLeast(graduations, 0, "graduations") }
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .commitmentMade(self) }
}
