import EntasAPI
import EntasDomain
import GRDB

extension CoordinatorQueries {
    /// The plan for `region` and `period`: households in need by consensus now, the clusters' commitments
    /// for the region and the regions inside it overlapping the period, and the Sangat Miskin households no
    /// commitment covers, for the region and each of its children (see ``CommitmentRollUp`` for how
    /// commitments add up). Reads the region tables and the commitments only, never the households.
    public func plan(region: RegionCode, period: Period) async throws -> PlanReport {
        try requireRegion(region)
        let facts = try await reader.read { db in try planFacts(region: region, period: period, db) }
        let totals = facts.totals[region] ?? .zero
        let smNeed: (RegionCode) -> Int? = { facts.totals[$0]?.sangatMiskin ?? 0 }
        func line(_ commitments: [CommitmentView], cluster: Cluster? = nil, strategy: Strategy? = nil) -> PlanLine {
            let covered = CommitmentRollUp.rollUp(commitments, to: region, cap: smNeed)[region]?.households ?? 0
            return PlanLine(
                cluster: cluster, strategy: strategy, committed: places(commitments, at: region), coveredSangatMiskin: covered,
                shortSangatMiskin: max(0, totals.sangatMiskin - covered))
        }
        let clusters = Cluster.allCases.compactMap { cluster -> PlanLine? in
            let own = facts.commitments.filter { $0.cluster == cluster }
            return own.isEmpty ? nil : line(own, cluster: cluster)
        }
        let strategies = Strategy.allCases.compactMap { strategy -> PlanLine? in
            let own = facts.commitments.filter { $0.strategy == strategy }
            return own.isEmpty ? nil : line(own, strategy: strategy)
        }
        let coveredAll = CommitmentRollUp.rollUp(facts.commitments, to: region, cap: smNeed)
        let regions = facts.children.compactMap { child -> PlanRegion? in
            let covered = coveredAll[child.regionCode]?.households ?? 0
            guard child.totals.sangatMiskin > 0 || covered > 0 else { return nil }
            return PlanRegion(
                code: child.regionCode, name: name(of: child.regionCode), sangatMiskin: child.totals.sangatMiskin, covered: covered,
                short: max(0, child.totals.sangatMiskin - covered))
        }
        let coveredHere = coveredAll[region]?.households ?? 0
        return PlanReport(
            region: summary(region, totals), period: period, target: facts.target,
            need: PlanNeed(
                sangatMiskin: totals.sangatMiskin, miskin: totals.miskin, hampirMiskin: totals.hampirMiskin,
                baselineSangatMiskin: totals.baselineSangatMiskin, gaps: totals.gaps),
            commitments: facts.commitments, clusters: clusters, strategies: strategies,
            shortfall: PlanShortfall(need: totals.sangatMiskin, covered: coveredHere, short: max(0, totals.sangatMiskin - coveredHere)),
            socialAidCoverage: socialAidCoverage(facts, region: region),
            regions: regions.sorted { ($1.short, $0.code) < ($0.short, $1.code) })
    }

    /// Each programme's households rolled up to `region`, added together; deliveries and rupiah likewise.
    func places(_ commitments: [CommitmentView], at region: RegionCode) -> CommittedFigures {
        Dictionary(grouping: commitments) { ProgrammeKey(cluster: $0.cluster, programme: $0.programme) }.values.reduce(CommittedFigures()) {
            $0 + (CommitmentRollUp.rollUp($1, to: region)[region] ?? CommittedFigures())
        }
    }

    private func socialAidCoverage(_ facts: PlanFacts, region: RegionCode) -> PlanCoverage? {
        guard let percent = facts.target.socialAidCoverage, let totals = facts.totals[region] else { return nil }
        let households = totals.sangatMiskin + totals.miskin
        let required = (households * percent + 99) / 100
        let committed =
            CommitmentRollUp.rollUp(facts.commitments.filter { $0.cluster == .socialAid }, to: region) {
                facts.totals[$0].map { $0.sangatMiskin + $0.miskin } ?? 0
            }[region]?.households ?? 0
        return PlanCoverage(
            targetPercent: percent, households: households, required: required, committed: committed,
            coveredNow: households - totals.gaps, short: max(0, required - committed))
    }

    /// What the plan reads, in one snapshot.
    struct PlanFacts: Sendable {
        var commitments: [CommitmentView]
        /// Totals of the region, of every region a commitment names, and of those between.
        var totals: [RegionCode: RegionTotals]
        var children: [RegionAggregate]
        var target: EffectiveTarget
    }

    func planFacts(region: RegionCode, period: Period, _ db: Database) throws -> PlanFacts {
        let commitments = try currentCommitments(region: region, period: period, db)
        var codes: Set<RegionCode> = [region]
        for commitment in commitments {
            codes.insert(commitment.regionCode)
            for ancestor in commitment.regionCode.ancestors where ancestor.isWithin(region) { codes.insert(ancestor) }
        }
        var totals: [RegionCode: RegionTotals] = [:]
        for aggregate in try RegionAggregate.filter(keys: codes.map(\.dotted)).fetchAll(db) {
            totals[aggregate.regionCode] = aggregate.totals
        }
        var children: [RegionAggregate] = []
        if let level = region.level.child {
            children = try Self.descendants(of: region, at: level).fetchAll(db)
            for child in children { totals[child.regionCode] = child.totals }
        }
        return PlanFacts(
            commitments: commitments, totals: totals, children: children,
            target: try effectiveTarget(region: region, year: period.year, db))
    }
}

/// A cluster's programme: commitments and realisation are kept per programme.
struct ProgrammeKey: Sendable, Hashable, Comparable {
    var cluster: Cluster
    var programme: String

    static func < (lhs: ProgrammeKey, rhs: ProgrammeKey) -> Bool {
        (Cluster.allCases.firstIndex(of: lhs.cluster) ?? 0, lhs.programme) < (Cluster.allCases.firstIndex(of: rhs.cluster) ?? 0, rhs.programme)
    }
}
