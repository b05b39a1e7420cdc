import EntasAPI
import EntasDomain
import EntasStore
import Foundation
import GRDB

extension CoordinatorQueries {
    /// Households in a gap in `region`, by desa and key.
    /// - Parameters:
    ///   - cluster: only gaps that `cluster` does not cover (candidates for it); nil for all.
    ///   - status: only this consensus status (SM or M); nil for both.
    public func gaps(
        region: RegionCode, cluster: Cluster? = nil, status: PovertyStatus? = nil, limit: Int = 100, offset: Int = 0
    ) async throws -> HouseholdPage<GapItem> {
        try requireRegion(region)
        try Self.checkPage(limit: limit, offset: offset)
        let request = Self.gapRequest(region: region, cluster: cluster, status: status)
        let (total, households) = try await reader.read { db in
            (try request.fetchCount(db), try request.limit(limit, offset: offset).fetchAll(db))
        }
        let items = households.compactMap { household -> GapItem? in
            guard let consensus = household.consensusStatus else { return nil }
            return GapItem(
                key: household.key, maskedKK: household.maskedKK, desaCode: household.desaCode,
                desaName: name(of: household.desaCode), consensusStatus: consensus,
                coveredBy: Self.sorted(household.coverage),
                uncovered: ConsensusRule.isUncovered(consensus: consensus, coveredBy: household.coverage))
        }
        return HouseholdPage(total: total, limit: limit, offset: offset, items: items)
    }

    /// Households in `region` whose clusters' latest assessments differ, each with every cluster's status.
    public func conflicts(
        region: RegionCode, limit: Int = 100, offset: Int = 0
    ) async throws -> HouseholdPage<ConflictItem> {
        try requireRegion(region)
        try Self.checkPage(limit: limit, offset: offset)
        let request = Self.conflictRequest(region: region)
        let (total, households, assessments) = try await reader.read { db in
            let households = try request.limit(limit, offset: offset).fetchAll(db)
            let assessments =
                try ClusterAssessment
                .filter(households.map(\.key).contains(ClusterAssessment.Columns.householdKey))
                .fetchAll(db)
            return (try request.fetchCount(db), households, assessments)
        }
        let byHousehold = Dictionary(grouping: assessments, by: \.householdKey)
        let items = households.map { household in
            ConflictItem(
                key: household.key, maskedKK: household.maskedKK, desaCode: household.desaCode,
                desaName: name(of: household.desaCode), consensusStatus: household.consensusStatus,
                assessments: Self.sorted(byHousehold[household.key, default: []]).map(ClusterStatus.init))
        }
        return HouseholdPage(total: total, limit: limit, offset: offset, items: items)
    }

    /// The household with No. KK `kk`, keyed with `secret`; nil when the coordinator has not heard of it.
    public func household(kk: KKNumber, key secret: HouseholdKeySecret) async throws -> HouseholdDetail? {
        try await household(key: HouseholdKey(kk: kk, secret: secret))
    }

    /// The household with this key; nil when unknown.
    public func household(key: HouseholdKey) async throws -> HouseholdDetail? {
        let loaded = try await reader.read { db -> HouseholdFacts? in
            guard let household = try Household.filter(keys: [key]).fetchOne(db) else { return nil }
            return HouseholdFacts(
                household: household, assessments: try ClusterAssessment.latest(for: key, db),
                enrolments: try Enrolment.filter(Enrolment.Columns.householdKey == key).fetchAll(db),
                referrals: try Referral.filter(Referral.Columns.householdKey == key).fetchAll(db),
                deliveries: try Delivery.filter(Delivery.Columns.householdKey == key).fetchAll(db),
                history: try HouseholdEvent.filter(HouseholdEvent.Columns.householdKey == key).fetchAll(db))
        }
        return loaded.map { detail($0) }
    }

    /// Gap households in `region`, by desa and key: a range of the partial index `household_gap`.
    static func gapRequest(
        region: RegionCode, cluster: Cluster?, status: PovertyStatus?
    ) -> QueryInterfaceRequest<Household> {
        let (inside, arguments) = within(region, column: "desaCode")
        var request = Household.filter(Household.Columns.isGap).filter(sql: inside, arguments: arguments)
        if let status { request = request.filter(Household.Columns.consensusStatus == status) }
        if let cluster { request = request.filter(!coverageColumn(cluster)) }
        return request.order(Household.Columns.desaCode, Household.Columns.key)
    }

    /// Households in conflict in `region`, by desa and key: a range of the partial index `household_conflict`.
    static func conflictRequest(region: RegionCode) -> QueryInterfaceRequest<Household> {
        let (inside, arguments) = within(region, column: "desaCode")
        return Household.filter(Household.Columns.hasConflict).filter(sql: inside, arguments: arguments)
            .order(Household.Columns.desaCode, Household.Columns.key)
    }

    static func checkPage(limit: Int, offset: Int) throws(CoordinatorQueryError) {
        guard (1...maximumPageSize).contains(limit), offset >= 0 else {
            throw .invalidPage(limit: limit, offset: offset)
        }
    }

    static func coverageColumn(_ cluster: Cluster) -> Column {
        switch cluster {
        case .socialAid: Column("coveredSocialAid")
        case .communityEmpowerment: Column("coveredCommunityEmpowerment")
        case .enterprise: Column("coveredEnterprise")
        case .lowCost: Column("coveredLowCost")
        }
    }

    static func sorted(_ clusters: Set<Cluster>) -> [Cluster] { Cluster.allCases.filter(clusters.contains) }

    static func sorted(_ assessments: [ClusterAssessment]) -> [ClusterAssessment] {
        Cluster.allCases.compactMap { cluster in assessments.first { $0.cluster == cluster } }
    }
}

/// One household's rows, read in one snapshot.
struct HouseholdFacts: Sendable {
    var household: Household
    var assessments: [ClusterAssessment]
    var enrolments: [Enrolment]
    var referrals: [Referral]
    var deliveries: [Delivery]
    var history: [HouseholdEvent]
}
