import EntasDomain

/// One household of a worklist: who and where (from this service's replica: it holds the names), why it is
/// flagged and what each cluster says (from the coordinator), for a field team to visit.
public struct WorklistEntry: Codable, Sendable, Hashable {
    public var kkNumber: String
    public var headName: String
    public var address: String
    public var desaCode: RegionCode
    public var flags: [HouseholdFlag]
    public var consensusStatus: PovertyStatus?
    public var coveredBy: [Cluster]
    /// The open case (its id is what a verification names), or the verification in force.
    public var verification: CaseSummary?
    /// Each cluster's latest status.
    public var statements: [ClusterStatus]

    package init(
        kkNumber: String, headName: String, address: String, desaCode: RegionCode, flags: [HouseholdFlag],
        consensusStatus: PovertyStatus?, coveredBy: [Cluster], verification: CaseSummary?, statements: [ClusterStatus]
    ) {
        self.kkNumber = kkNumber
        self.headName = headName
        self.address = address
        self.desaCode = desaCode
        self.flags = flags
        self.consensusStatus = consensusStatus
        self.coveredBy = coveredBy
        self.verification = verification
        self.statements = statements
    }
}

/// `GET /v1/worklist`: a desa's or kecamatan's flagged households.
public struct Worklist: Codable, Sendable {
    public var regionCode: RegionCode
    public var regionName: String
    /// The flag asked for, nil for all.
    public var flag: HouseholdFlag?
    /// Households of this service in the region, and how many of them are listed.
    public var households: Int
    public var entries: [WorklistEntry]

    package init(regionCode: RegionCode, regionName: String, flag: HouseholdFlag?, households: Int, entries: [WorklistEntry]) {
        self.regionCode = regionCode
        self.regionName = regionName
        self.flag = flag
        self.households = households
        self.entries = entries
    }
}
