/// `household.updated` v1, on `entas.households`: a cluster corrects or updates a registered household.
/// Only the fields present change; an absent field keeps its value. At least one field must be given.
public struct HouseholdUpdated: EventData {
    /// `id.go.jatim.entas.household.updated.v1`.
    public static let eventType = EventType(name: "household.updated", version: 1)

    /// No. KK of the household updated.
    public var kkNumber: KKNumber
    /// New head of household's NIK (a new kepala keluarga), when changed.
    public var headNIK: NIK?
    /// New or corrected head's name, when changed.
    public var headName: String?
    /// New address, when changed.
    public var address: String?
    /// New desa/kelurahan (the household moved), when changed.
    public var desaCode: RegionCode?
    /// New number of members, at least 1, when changed.
    public var memberCount: Int?
    /// The full new list of criteria met (replaces the old list), when changed.
    public var criteriaMet: [PovertyCriterion]?
    /// The cluster that made the update.
    public var updatedBy: Cluster
    /// The full new member list, head included (replaces the old list), when changed; ``memberCount`` is then
    /// their number (added within v1: an optional field).
    public var members: [HouseholdMember]?
    /// The members taken off the list by this update, and why (died, moved out: pecah KK, married); only
    /// with ``members``, which no longer lists them.
    public var departures: [MemberDeparture]?

    /// Makes the payload; ``validate(in:)`` checks it, and ``EventEnvelope/encoded()`` does before publishing.
    public init(
        kkNumber: KKNumber, headNIK: NIK? = nil, headName: String? = nil, address: String? = nil,
        desaCode: RegionCode? = nil, memberCount: Int? = nil, criteriaMet: [PovertyCriterion]? = nil,
        updatedBy: Cluster, members: [HouseholdMember]? = nil, departures: [MemberDeparture]? = nil
    ) {
        self.kkNumber = kkNumber
        self.headNIK = headNIK
        self.headName = headName
        self.address = address
        self.desaCode = desaCode
        self.memberCount = memberCount
        self.criteriaMet = criteriaMet
        self.updatedBy = updatedBy
        self.members = members
        self.departures = departures
    }

    /// True when no field but the key and the cluster is given.
    public var isEmpty: Bool {
        headNIK == nil && headName == nil && address == nil && desaCode == nil && memberCount == nil
            && criteriaMet == nil && members == nil
    }

    /// Checks the rules listed under "Rejected when" in docs/events.md.
    public func validate(in reference: RegionReference) throws(EventValidationError) {
        let check = PayloadChecks(reference: reference)
        if isEmpty {
            throw EventValidationError(
                path: "$",
                Message("domain.payload.updateEmpty"))
        }
        if let headName { try check.text(headName, "headName", maximum: PayloadChecks.nameLength) }
        if let address { try check.text(address, "address") }
        if let desaCode { try check.desa(desaCode, "desaCode") }
        if let memberCount { try check.atLeast(memberCount, 1, "memberCount") }
        if let criteriaMet { try check.criteria(criteriaMet, "criteriaMet") }
        if let members { try check.members(members, headNIK: headNIK, memberCount: memberCount, "members") }
        if let departures {
            guard let members else {
                throw EventValidationError(path: "departures", Message("domain.payload.departuresAlone"))
            }
            for (index, departure) in departures.enumerated() where members.contains(where: { $0.nik == departure.nik }) {
                throw EventValidationError(
                    path: "departures[\(index)].nik", Message("domain.payload.departedStillMember", .text(departure.nik.masked)))
            }
        }
    }

    /// This payload as an ``EventPayload``.
    public var eventPayload: EventPayload { .householdUpdated(self) }
}
