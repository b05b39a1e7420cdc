import EntasDomain

extension API {
    /// One page of `GET /v1/gaps` or `GET /v1/conflicts`.
    struct Page<Item: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
        /// Households matching the filter, on every page.
        var total: Int
        var limit: Int
        var offset: Int
        var items: [Item]
    }

    /// A household in a gap: consensus SM or M without social aid.
    struct GapItem: Sendable, Hashable, Codable {
        var key: String
        /// `350931******0001`: the coordinator never sends the full number.
        var maskedKK: String
        var desaCode: RegionCode
        var desaName: String
        var consensusStatus: PovertyStatus
        var coveredBy: [Cluster]
        /// SM and no active enrolment in any cluster.
        var uncovered: Bool
    }

    /// A household whose clusters' latest assessments differ.
    struct ConflictItem: Sendable, Hashable, Codable {
        var key: String
        var maskedKK: String
        var desaCode: RegionCode
        var desaName: String
        var consensusStatus: PovertyStatus?
        var assessments: [ClusterStatus]
    }

    /// A cluster's latest status for a household.
    struct ClusterStatus: Sendable, Hashable, Codable {
        var cluster: Cluster
        var status: PovertyStatus
        var criteriaMetCount: Int?
        /// `assessment` or `graduation`.
        var source: String
        var assessedOn: CalendarDate
    }
}
