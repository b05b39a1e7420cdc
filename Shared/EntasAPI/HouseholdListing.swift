import EntasDomain

/// One page of a household listing: the items, and how many match in all.
public struct HouseholdPage<Item: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// Households matching the filter, on every page.
    public var total: Int
    public var limit: Int
    public var offset: Int
    /// This page, by desa code and household key.
    public var items: [Item]

    package init(total: Int, limit: Int, offset: Int, items: [Item]) {
        self.total = total
        self.limit = limit
        self.offset = offset
        self.items = items
    }
}

/// A household in a gap: consensus SM or M without an active social-aid enrolment.
public struct GapItem: Sendable, Hashable, Codable {
    public var key: HouseholdKey
    /// `350931******0001`, for the field team.
    public var maskedKK: String
    public var desaCode: RegionCode
    public var desaName: String
    public var consensusStatus: PovertyStatus
    /// Clusters with an active enrolment (never socialAid here).
    public var coveredBy: [Cluster]
    /// The worse kind of gap: SM and no active enrolment in any cluster.
    public var uncovered: Bool

    package init(key: HouseholdKey, maskedKK: String, desaCode: RegionCode, desaName: String, consensusStatus: PovertyStatus, coveredBy: [Cluster], uncovered: Bool) {
        self.key = key
        self.maskedKK = maskedKK
        self.desaCode = desaCode
        self.desaName = desaName
        self.consensusStatus = consensusStatus
        self.coveredBy = coveredBy
        self.uncovered = uncovered
    }
}

/// A cluster's latest status for a household.
public struct ClusterStatus: Sendable, Hashable, Codable {
    public var cluster: Cluster
    public var status: PovertyStatus
    /// The BPS criteria found met; nil for a graduation.
    public var criteriaMetCount: Int?
    /// An assessment, or a graduation read as the status `graduated`.
    public var source: AssessmentSource
    /// `assessedOn`, or a graduation's `graduatedOn`.
    public var assessedOn: CalendarDate

    package init(cluster: Cluster, status: PovertyStatus, criteriaMetCount: Int? = nil, source: AssessmentSource, assessedOn: CalendarDate) {
        self.cluster = cluster
        self.status = status
        self.criteriaMetCount = criteriaMetCount
        self.source = source
        self.assessedOn = assessedOn
    }
}

/// A household whose clusters' latest assessments differ, listed for field verification (verifikasi dan
/// validasi) until they agree.
public struct ConflictItem: Sendable, Hashable, Codable {
    public var key: HouseholdKey
    public var maskedKK: String
    public var desaCode: RegionCode
    public var desaName: String
    /// What the consensus rule makes of the disagreement meanwhile.
    public var consensusStatus: PovertyStatus?
    /// Each cluster's latest status, by cluster.
    public var assessments: [ClusterStatus]

    package init(key: HouseholdKey, maskedKK: String, desaCode: RegionCode, desaName: String, consensusStatus: PovertyStatus? = nil, assessments: [ClusterStatus]) {
        self.key = key
        self.maskedKK = maskedKK
        self.desaCode = desaCode
        self.desaName = desaName
        self.consensusStatus = consensusStatus
        self.assessments = assessments
    }
}

