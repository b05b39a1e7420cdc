import EntasAPI
import EntasDomain
import EntasService
import EntasStore
import Foundation
import GRDB

extension CoordinatorQueries {
    /// Households of `region` with a verification case in `state` (nil: open, assigned or not), by desa and
    /// key, each with its case, its consensus and every cluster's latest status.
    public func cases(
        region: RegionCode, state: CaseState? = nil, limit: Int = 100, offset: Int = 0,
        today: CalendarDate = .today()
    ) async throws -> HouseholdPage<CaseItem> {
        try requireRegion(region)
        try Self.checkPage(limit: limit, offset: offset)
        let (inside, arguments) = Self.within(region, column: "desaCode")
        let inRegion = Household.filter(sql: inside, arguments: arguments)
        let filtered =
            switch state {
            case nil: inRegion.filter(Household.Columns.caseId != nil)
            case .open: inRegion.filter(Household.Columns.caseId != nil && Column("caseTeam") == nil)
            case .assigned: inRegion.filter(Household.Columns.caseId != nil && Column("caseTeam") != nil)
            case .verified: inRegion.filter(Household.Columns.verifiedStatus != nil && Household.Columns.caseId == nil)
            }
        let request = filtered.order(Household.Columns.desaCode, Household.Columns.key)
        let (total, households, assessments) = try await reader.read { db in
            let households = try request.limit(limit, offset: offset).fetchAll(db)
            return (try request.fetchCount(db), households, try Self.assessments(of: households.map(\.key), db))
        }
        let items = households.compactMap { household -> CaseItem? in
            guard let summary = household.caseSummary(today: today) else { return nil }
            return CaseItem(
                key: household.key, maskedKK: household.maskedKK, desaCode: household.desaCode,
                desaName: name(of: household.desaCode), consensusStatus: household.consensusStatus,
                inConflict: household.hasConflict, verification: summary,
                assessments: Self.sorted(assessments[household.key, default: []]).map(ClusterStatus.init))
        }
        return HouseholdPage(total: total, limit: limit, offset: offset, items: items)
    }

    /// Of the households with these No. KK (keyed with `secret` on arrival, kept nowhere), those in a gap, in
    /// a conflict or with an open case, each by its position in `kkNumbers`.
    public func flags(
        of kkNumbers: [KKNumber], key secret: HouseholdKeySecret, within scope: RegionScope = .province, today: CalendarDate = .today()
    ) async throws -> FlagReport {
        let keying = HouseholdKeying(secret)
        let keys = kkNumbers.map { HouseholdKey(kk: $0, keying: keying) }
        let (households, assessments) = try await reader.read { db in
            var households: [HouseholdKey: Household] = [:]
            for chunk in stride(from: 0, to: keys.count, by: 500) {
                let part = Array(keys[chunk..<min(chunk + 500, keys.count)])
                for household in try Household.filter(keys: part)
                    .filter(Household.Columns.isGap || Household.Columns.hasConflict || Household.Columns.caseId != nil)
                    .fetchAll(db)
                {
                    households[household.key] = household
                }
            }
            return (households, try Self.assessments(of: Array(households.keys), db))
        }
        var items: [FlaggedHousehold] = []
        for (index, key) in keys.enumerated() {
            // A household outside the token's region answers as one with no flag.
            guard let household = households[key], scope.contains(household.desaCode) else { continue }
            var flags: [HouseholdFlag] = []
            if household.isGap { flags.append(.gap) }
            if household.hasConflict { flags.append(.conflict) }
            if household.caseId != nil { flags.append(.case) }
            items.append(
                FlaggedHousehold(
                    index: index, flags: flags, consensusStatus: household.consensusStatus,
                    coveredBy: Self.sorted(household.coverage), verification: household.caseSummary(today: today),
                    assessments: Self.sorted(assessments[key, default: []]).map(ClusterStatus.init)))
        }
        return FlagReport(looked: kkNumbers.count, items: items)
    }

    /// The latest assessments of `keys`, by household: one statement per 500 keys.
    static func assessments(of keys: [HouseholdKey], _ db: Database) throws -> [HouseholdKey: [ClusterAssessment]] {
        var rows: [ClusterAssessment] = []
        for chunk in stride(from: 0, to: keys.count, by: 500) {
            let part = Array(keys[chunk..<min(chunk + 500, keys.count)])
            rows += try ClusterAssessment.filter(part.contains(ClusterAssessment.Columns.householdKey)).fetchAll(db)
        }
        return Dictionary(grouping: rows, by: \.householdKey)
    }
}

extension Household {
    /// The household's case as the API shows it: open (or assigned), or verified; nil with neither.
    func caseSummary(today: CalendarDate) -> CaseSummary? {
        if let open = openCase {
            return CaseSummary(
                state: open.team == nil ? .open : .assigned, caseID: open.id, kind: open.kind, openedOn: open.openedOn,
                ageDays: max(0, today.daysSinceEpoch - open.openedOn.daysSinceEpoch), team: open.team,
                assignedOn: open.assignedOn, verifiedStatus: verifiedStatus, verifiedOn: verifiedOn)
        }
        guard let verifiedStatus else { return nil }
        return CaseSummary(
            state: .verified, caseID: nil, kind: nil, openedOn: nil, ageDays: nil, team: nil, assignedOn: nil,
            verifiedStatus: verifiedStatus, verifiedOn: verifiedOn)
    }
}
