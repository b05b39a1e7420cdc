import Foundation

/// `verification.assigned` v1, on the cluster's topic: a cluster assigns a household's open verification
/// case to one of its field teams, which works a desa or a kecamatan.
public struct VerificationAssigned: EventData {
    /// `id.go.jatim.entas.verification.assigned.v1`.
    public static let eventType = EventType(name: "verification.assigned", version: 1)

    /// No. KK of the household.
    public var kkNumber: KKNumber
    /// The household's desa/kelurahan.
    public var desaCode: RegionCode
    /// The cluster whose team takes the case (the publisher).
    public var cluster: Cluster
    /// The case assigned (as the coordinator numbers it).
    @LowercaseUUID public var caseID: UUID
    /// The team: an identifier of the agency's, not a personal name (`tksk-sumberjambe-1`).
    public var team: String
    /// The desa or kecamatan the team works.
    public var areaCode: RegionCode
    /// The day of the assignment.
    public var assignedOn: CalendarDate

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(
        kkNumber: KKNumber, desaCode: RegionCode, cluster: Cluster, caseID: UUID, team: String, areaCode: RegionCode,
        assignedOn: CalendarDate
    ) {
        self.kkNumber = kkNumber
        self.desaCode = desaCode
        self.cluster = cluster
        self.caseID = caseID
        self.team = team
        self.areaCode = areaCode
        self.assignedOn = assignedOn
    }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        try check.desa(desaCode, "desaCode")
        try check.region(areaCode, "areaCode")
        guard areaCode.level == .desa || areaCode.level == .kecamatan, desaCode.isWithin(areaCode) else {
            throw EventValidationError(
                path: "areaCode", Message("domain.payload.areaCode", .text("\(desaCode)"), .text("\(areaCode)")))
        }
        try check.text(team, "team", maximum: PayloadChecks.nameLength)
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .verificationAssigned(self) }
}
