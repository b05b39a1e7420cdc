import EntasAPI
import EntasDomain
import GRDB

extension CoordinatorQueries {
    /// The evaluation of `region` and `period`: the realisation of every programme against its commitment
    /// (``RealisationFacts``, ``CommitmentRollUp``), grouped per cluster, strategy and child region (the
    /// furthest behind first), and the Sangat Miskin households and social-aid coverage against the targets,
    /// with the SM trajectory per month.
    public func evaluation(region: RegionCode, period: Period) async throws -> EvaluationReport {
        try requireRegion(region)
        let (plan, realisation, trajectory) = try await reader.read { db in
            (
                try planFacts(region: region, period: period, db), try RealisationFacts.read(region: region, period: period, db),
                try sangatMiskinTrajectory(
                    region: region, from: CalendarMonth(period.firstDay), until: CalendarMonth(period.lastDay), db)
            )
        }
        let totals = plan.totals[region] ?? .zero
        let byProgramme = Dictionary(grouping: plan.commitments) { ProgrammeKey(cluster: $0.cluster, programme: $0.programme) }
        let rolledUp = byProgramme.mapValues { CommitmentRollUp.rollUp($0, to: region) }

        let keys = Set(byProgramme.keys).union(realisation.programmes.keys).sorted()
        let programmes = keys.map { key -> EvaluationLine in
            let committed = rolledUp[key]?[region] ?? CommittedFigures()
            let realised = realisation.programmes[key]?.realised ?? Realisation()
            let strategy = byProgramme[key]?.first?.strategy ?? realisation.programmes[key]?.strategy
            return EvaluationLine(
                cluster: key.cluster, programme: key.programme, strategy: strategy, committed: committed, realised: realised,
                achieved: Achievement(programmes: [(committed, realised)]))
        }
        let clusterGraduations = realisation.graduations.values.reduce(into: [Cluster: Int]()) { sums, counts in
            for (cluster, count) in counts { sums[cluster, default: 0] += count }
        }
        let clusters = Cluster.allCases.compactMap { cluster -> EvaluationLine? in
            let lines = programmes.filter { $0.cluster == cluster }
            guard !lines.isEmpty || clusterGraduations[cluster] != nil else { return nil }
            var line = Self.group(lines, graduatedHouseholds: clusterGraduations[cluster] ?? 0)
            line.cluster = cluster
            return line
        }
        let strategies = Strategy.allCases.compactMap { strategy -> EvaluationLine? in
            let lines = programmes.filter { $0.strategy == strategy }
            guard !lines.isEmpty else { return nil }
            var line = Self.group(lines, graduatedHouseholds: nil)
            line.strategy = strategy
            return line
        }
        let total = Self.group(programmes, graduatedHouseholds: realisation.graduatedHouseholds.values.reduce(0, +))

        let regions = evaluationRegions(plan: plan, realisation: realisation, rolledUp: rolledUp)
        return EvaluationReport(
            region: summary(region, totals), period: period, target: plan.target,
            sangatMiskin: Self.progress(totals, trajectory: trajectory, target: plan.target),
            socialAidCoverage: Self.coverage(totals, target: plan.target), trajectory: trajectory, total: total,
            clusters: clusters, programmes: programmes, strategies: strategies, regions: regions)
    }

    /// The children of the region with a commitment or any realisation, the furthest behind first.
    private func evaluationRegions(
        plan: PlanFacts, realisation: RealisationFacts, rolledUp: [ProgrammeKey: [RegionCode: CommittedFigures]]
    ) -> [EvaluationRegion] {
        let regions = plan.children.compactMap { child -> EvaluationRegion? in
            let code = child.regionCode
            let parts = realisation.parts[code] ?? [:]
            let keys = Set(rolledUp.compactMap { $0.value[code] == nil ? nil : $0.key }).union(parts.keys)
            let lines = keys.map { key in (committed: rolledUp[key]?[code] ?? CommittedFigures(), realised: parts[key]?.realised ?? Realisation()) }
            let graduated = realisation.graduatedHouseholds[code]
            guard !lines.isEmpty || graduated != nil else { return nil }
            var realised = lines.reduce(Realisation()) { $0 + $1.realised }
            realised.graduatedHouseholds = graduated ?? 0
            return EvaluationRegion(
                code: code, name: name(of: code), committed: lines.reduce(CommittedFigures()) { $0 + $1.committed }, realised: realised,
                achieved: Achievement(programmes: lines), baselineSangatMiskin: child.totals.baselineSangatMiskin,
                sangatMiskin: child.totals.sangatMiskin)
        }
        return regions.sorted { lhs, rhs in
            switch (lhs.achieved.householdsServed, rhs.achieved.householdsServed) {
            case (let left?, let right?) where left != right: left < right
            case (nil, _?): false
            case (_?, nil): true
            default: lhs.code < rhs.code
            }
        }
    }

    /// Programme lines added together, their shares recomputed, with the group's `graduatedHouseholds` (each
    /// household once, which no sum of the programmes gives).
    static func group(_ lines: [EvaluationLine], graduatedHouseholds: Int?) -> EvaluationLine {
        var realised = lines.reduce(Realisation()) { $0 + $1.realised }
        realised.graduatedHouseholds = graduatedHouseholds
        return EvaluationLine(
            cluster: nil, programme: nil, strategy: nil, committed: lines.reduce(CommittedFigures()) { $0 + $1.committed }, realised: realised,
            achieved: Achievement(programmes: lines.map { ($0.committed, $0.realised) }))
    }

    static func progress(_ totals: RegionTotals, trajectory: [TrajectoryMonth], target: EffectiveTarget) -> SangatMiskinProgress {
        let baseline = totals.baselineSangatMiskin
        let now = totals.sangatMiskin
        let needed = target.smRemaining.map { baseline - $0 }
        return SangatMiskinProgress(
            baseline: baseline, now: now, atPeriodEnd: trajectory.last?.sangatMiskin ?? now, target: target.smRemaining,
            reductionNeeded: needed, reduced: baseline - now,
            achievedPercent: needed.flatMap { Achievement.percent(Int64(baseline - now), of: Int64($0)) },
            targetMet: target.smRemaining.map { now <= $0 })
    }

    static func coverage(_ totals: RegionTotals, target: EffectiveTarget) -> CoverageProgress {
        let households = totals.sangatMiskin + totals.miskin
        let covered = households - totals.gaps
        let percent = Achievement.percent(Int64(covered), of: Int64(households))
        return CoverageProgress(
            households: households, covered: covered, percent: percent, targetPercent: target.socialAidCoverage,
            targetMet: target.socialAidCoverage.map { Double($0) <= (percent ?? 100) })
    }

    /// SM households of `region` at the end of each month from `first` (or its first month with any household,
    /// if later) to `last`, at most ``maximumMonths`` months. Each month's count adds up every change before it,
    /// so the line starts from the baseline as it stood then (PPLS 2008's households count from 2008 on).
    func sangatMiskinTrajectory(
        region: RegionCode, from first: CalendarMonth, until last: CalendarMonth, _ db: Database
    ) throws -> [TrajectoryMonth] {
        guard let earliest = try CalendarMonth.fetchOne(db, sql: "SELECT min(month) FROM regionMonth WHERE regionCode = ?", arguments: [region]),
            earliest <= last
        else { return [] }
        var month = max(earliest, first)
        while month.months(to: last) >= Self.maximumMonths { month = month.next }
        var count = try Int.fetchOne(
            db, sql: "SELECT coalesce(sum(delta), 0) FROM regionMonth WHERE regionCode = ? AND status = 'sangatMiskin' AND month < ?",
            arguments: [region, month]) ?? 0
        let changes = try RegionMonth
            .filter(RegionMonth.Columns.regionCode == region && RegionMonth.Columns.status == PovertyStatus.sangatMiskin)
            .filter(RegionMonth.Columns.month >= month && RegionMonth.Columns.month <= last)
            .fetchAll(db)
        let byMonth = Dictionary(grouping: changes, by: \.month).mapValues { $0.reduce(0) { $0 + $1.delta } }
        var months: [TrajectoryMonth] = []
        while month <= last {
            count += byMonth[month] ?? 0
            months.append(TrajectoryMonth(month: month, sangatMiskin: count))
            month = month.next
        }
        return months
    }
}
