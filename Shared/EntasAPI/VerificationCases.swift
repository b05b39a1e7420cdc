import EntasDomain

/// Where a household's verification case (verifikasi dan validasi) stands.
public enum CaseState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Open, no team yet.
    case open
    /// Open and assigned to a field team.
    case assigned
    /// Closed by a field verification; none open since.
    case verified
}

/// What opened a case: the clusters' disagreement, a cluster's request, or one person listed in two
/// households (by two clusters, or one cluster before the rule).
public enum CaseKind: String, Sendable, Hashable, Codable, CaseIterable {
    case conflict, requested, sharedPerson
}

/// A household's case as the coordinator derives it: the open case, or the verification in force.
public struct CaseSummary: Sendable, Hashable, Codable {
    public var state: CaseState
    /// The open case's id (nil once verified): what a verification recorded from a worklist names.
    public var caseID: String?
    public var kind: CaseKind?
    public var openedOn: CalendarDate?
    /// Days since ``openedOn``, on the day asked.
    public var ageDays: Int?
    public var team: String?
    public var assignedOn: CalendarDate?
    /// The status the last verification found, and its day.
    public var verifiedStatus: PovertyStatus?
    public var verifiedOn: CalendarDate?

    package init(
        state: CaseState, caseID: String?, kind: CaseKind?, openedOn: CalendarDate?, ageDays: Int?, team: String?,
        assignedOn: CalendarDate?, verifiedStatus: PovertyStatus?, verifiedOn: CalendarDate?
    ) {
        self.state = state
        self.caseID = caseID
        self.kind = kind
        self.openedOn = openedOn
        self.ageDays = ageDays
        self.team = team
        self.assignedOn = assignedOn
        self.verifiedStatus = verifiedStatus
        self.verifiedOn = verifiedOn
    }
}

/// A household with a case, in `GET /v1/cases`: masked, with the clusters' statements.
public struct CaseItem: Sendable, Hashable, Codable {
    public var key: HouseholdKey
    public var maskedKK: String
    public var desaCode: RegionCode
    public var desaName: String
    public var consensusStatus: PovertyStatus?
    public var inConflict: Bool
    public var verification: CaseSummary
    /// Each cluster's latest status, by cluster.
    public var assessments: [ClusterStatus]

    package init(
        key: HouseholdKey, maskedKK: String, desaCode: RegionCode, desaName: String, consensusStatus: PovertyStatus?,
        inConflict: Bool, verification: CaseSummary, assessments: [ClusterStatus]
    ) {
        self.key = key
        self.maskedKK = maskedKK
        self.desaCode = desaCode
        self.desaName = desaName
        self.consensusStatus = consensusStatus
        self.inConflict = inConflict
        self.verification = verification
        self.assessments = assessments
    }
}

/// `POST /v1/flags`: the No. KK of households a cluster service holds (at most ``maximumCount``). The
/// coordinator hashes each on arrival, as `GET /v1/households/{kk}` does, and keeps none of them.
public struct FlagLookup: Sendable, Hashable, Codable {
    public static let maximumCount = 20_000
    public var kkNumbers: [KKNumber]

    public init(kkNumbers: [KKNumber]) {
        self.kkNumbers = kkNumbers
    }
}

/// Why a household is on a worklist.
public enum HouseholdFlag: String, Sendable, Hashable, Codable, CaseIterable {
    /// Consensus SM or M without social aid.
    case gap
    /// The clusters' effective statuses differ.
    case conflict
    /// A verification case is open.
    case `case`
}

/// One flagged household of a ``FlagLookup``: gap, conflict or open case. Households with no flag are left
/// out; ``index`` points into the lookup's list, so no No. KK travels back.
public struct FlaggedHousehold: Sendable, Hashable, Codable {
    public var index: Int
    public var flags: [HouseholdFlag]
    public var consensusStatus: PovertyStatus?
    /// Clusters with an active enrolment.
    public var coveredBy: [Cluster]
    public var verification: CaseSummary?
    public var assessments: [ClusterStatus]

    package init(
        index: Int, flags: [HouseholdFlag], consensusStatus: PovertyStatus?, coveredBy: [Cluster],
        verification: CaseSummary?, assessments: [ClusterStatus]
    ) {
        self.index = index
        self.flags = flags
        self.consensusStatus = consensusStatus
        self.coveredBy = coveredBy
        self.verification = verification
        self.assessments = assessments
    }
}

/// The answer to a ``FlagLookup``.
public struct FlagReport: Sendable, Hashable, Codable {
    /// How many No. KK were looked up.
    public var looked: Int
    public var items: [FlaggedHousehold]

    package init(looked: Int, items: [FlaggedHousehold]) {
        self.looked = looked
        self.items = items
    }
}
