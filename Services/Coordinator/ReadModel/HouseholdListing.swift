import EntasDomain

/// One page of a household listing: the items, and how many match in all.
public struct HouseholdPage<Item: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// Households matching the filter, on every page.
    public var total: Int
    public var limit: Int
    public var offset: Int
    /// This page, by desa code and household key.
    public var items: [Item]
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
}

extension ClusterStatus {
    init(_ assessment: ClusterAssessment) {
        self.init(
            cluster: assessment.cluster, status: assessment.status, criteriaMetCount: assessment.criteriaMetCount,
            source: assessment.source, assessedOn: assessment.assessedOn)
    }
}
