import EntasDomain

/// The demo: Kecamatan Sumberjambe's 12,827 PPLS 2008 households (exactly 1,485 SM, 5,574 M, 5,768 HM over
/// its nine desa) plus 2,480 households in six kecamatan of Bondowoso, Sampang and Surabaya at scale 1, and
/// the programme cycle the four clusters run for them. Pure: no I/O; the same seed always gives the same
/// households, CSV bytes and actions.
///
/// `entas dev` imports ``households(seed:scale:)`` as CSV (``csvHeader``, ``csvRow(for:)``), then sends
/// ``actions(seed:scale:)`` phase by phase; `entas seed` raises `scale` (or passes `extraHouseholds`) and
/// streams with ``DemoCSVChunks`` and ``actions(for:in:)``.
public struct DemoPlan: Sendable {
    /// The regions the households live in.
    public let reference: RegionReference
    /// The shares the programme cycle follows.
    public let rates: DemoRates

    /// A plan over `reference` (Jawa Timur's by default) with `rates`.
    public init(reference: RegionReference = .eastJava, rates: DemoRates = .standard) {
        self.reference = reference
        self.rates = rates
    }

    /// The seed `entas dev` uses when none is given.
    public static let defaultSeed: UInt64 = 20_080_701

    /// The number of extra (non-Sumberjambe) households at `scale`: 2,480 × scale, rounded; 0 for a scale
    /// that is zero, negative or not a number, capped at ``DemoKecamatan/maximumExtraHouseholds``.
    public static func extraHouseholds(forScale scale: Double) -> Int {
        let wanted = Double(DemoKecamatan.extraHouseholdsAtScaleOne) * scale
        guard !wanted.isNaN, wanted > 0 else { return 0 }
        return Int(min(wanted, Double(DemoKecamatan.maximumExtraHouseholds)).rounded())
    }

    /// The households: Sumberjambe's (exact at any scale) and 2,480 × `scale` others.
    public func households(seed: UInt64, scale: Double = 1) -> DemoHouseholds {
        households(seed: seed, extraHouseholds: Self.extraHouseholds(forScale: scale))
    }

    /// The households: Sumberjambe's and `extraHouseholds` others (0 to 50,000,000).
    public func households(seed: UInt64, extraHouseholds: Int) -> DemoHouseholds {
        DemoHouseholds(seed: seed, layout: DemoLayout(reference: reference, extraHouseholds: extraHouseholds))
    }

    /// The CSV header: `kkNumber,headNIK,headName,address,desaCode,memberCount,criteriaMet,baselineStatus`.
    public var csvHeader: String { DemoCSV.header }

    /// One household's CSV row (no line end); fields with a comma or quote are quoted.
    public func csvRow(for household: DemoHousehold) -> String { DemoCSV.row(for: household) }

    /// The households' CSV in chunks of `rowsPerChunk` rows, for a streamed import.
    public func csvChunks(seed: UInt64, scale: Double = 1, rowsPerChunk: Int = 1_000) -> DemoCSVChunks {
        DemoCSVChunks(households: households(seed: seed, scale: scale), rowsPerChunk: rowsPerChunk)
    }

    /// The planner for households of `seed`.
    public func planner(seed: UInt64) -> DemoCyclePlanner { DemoCyclePlanner(seed: seed, rates: rates) }

    /// Every action for the households of `seed` at `scale`, phase by phase (all assessments, then all
    /// enrolments, …), households in order within a phase. Holds the list in memory: for the demo (about
    /// 90,000 actions at scale 1); stream larger loads with ``actions(for:in:)``.
    public func actions(seed: UInt64, scale: Double = 1) -> [DemoAction] {
        actions(for: households(seed: seed, scale: scale))
    }

    /// Every action for `households`, phase by phase.
    public func actions(for households: DemoHouseholds) -> [DemoAction] {
        let planner = planner(seed: households.seed)
        var phases = Array(repeating: [DemoAction](), count: DemoPhase.allCases.count)
        for household in households {
            let plan = planner.plan(for: household)
            for phase in DemoPhase.allCases { phases[phase.rawValue].append(contentsOf: plan.actions(in: phase)) }
        }
        return phases.flatMap { $0 }
    }

    /// One phase's actions for `households`, streamed.
    public func actions(for households: DemoHouseholds, in phase: DemoPhase) -> DemoPhaseActions {
        DemoPhaseActions(households: households, phase: phase, planner: planner(seed: households.seed))
    }

    /// What the clusters do for one household of the demo seeded `seed`.
    public func householdActions(for household: DemoHousehold, seed: UInt64) -> DemoHouseholdActions {
        planner(seed: seed).plan(for: household)
    }

    /// The clusters' commitments for the programme years of the cycle planned for `households`, 2025 and 2026
    /// (see ``DemoCommitments``), computed by streaming.
    public func commitments(for households: DemoHouseholds) -> [DemoCommitment] {
        DemoCommitments.commitments(for: households, planner: planner(seed: households.seed))
    }

    /// How many actions of each kind the plan for `seed` at `scale` holds (computed by streaming).
    public func actionCounts(seed: UInt64, scale: Double = 1) -> DemoActionCounts {
        actionCounts(for: households(seed: seed, scale: scale))
    }

    /// How many actions of each kind the plan for `households` holds (computed by streaming).
    public func actionCounts(for households: DemoHouseholds) -> DemoActionCounts {
        let planner = planner(seed: households.seed)
        var counts = DemoActionCounts()
        for household in households { counts.add(planner.plan(for: household)) }
        return counts
    }
}
