import EntasAPI
import EntasDomain
import EntasStore
import GRDB

/// One event's change to one household, from ``begin(key:kk:location:time:_:)`` (load or place the household
/// and take its footprint) to ``finish(_:ledger:)`` (derive the consensus views, save, and add the footprint's
/// difference to the transaction's ``RegionLedger``), within one transaction.
struct HouseholdChange: Sendable {
    let time: Timestamp
    var household: Household
    /// Counters the event's own facts change (enrolments started, deliveries), by cell.
    var strategyChanges: [StrategyCell: StrategyCounts] = [:]
    private let before: Before
    /// The row as it is stored, so ``finish(_:ledger:)`` writes it only when it changed.
    private let stored: Household

    /// The household's footprint before the event.
    private enum Before: Sendable {
        /// The household is new: it had none.
        case none
        case read(HouseholdFootprint)
        /// Not read: the event changes none of the household's enrolments, assessments or status facts
        /// (``begin(key:kk:location:time:leavesViews:_:)``), so its footprint differs only if it moved.
        case unchanged
    }

    private init(time: Timestamp, household: Household, stored: Household, before: Before) {
        self.time = time
        self.household = household
        self.stored = stored
        self.before = before
    }

    /// Loads the household, or places a new one where `location` says, and notes its footprint.
    /// - Parameter leavesViews: true when the event changes none of the household's enrolments, assessments
    ///   or status facts (a delivery, a referral): its views stay as they are, and the footprint is read only
    ///   if the event moves the household.
    static func begin(
        key: HouseholdKey, kk: KKNumber, location: LocationFact, time: Timestamp, leavesViews: Bool = false, _ db: Database
    ) throws -> HouseholdChange {
        if var household = try Household.find(key, db) {
            let stored = household
            let before: Before =
                leavesViews
                ? .unchanged
                : .read(
                    HouseholdFootprint(
                        household: household, enrolments: try Enrolment.all(for: key, db),
                        facts: try HouseholdEvent.statusFacts(for: key, db)))
            household.adopt(location)
            return HouseholdChange(time: time, household: household, stored: stored, before: before)
        }
        var household = Household(key: key, kk: kk, desa: location.desaCode, location: location)
        // History may have arrived before the household could be placed (an update without a desa).
        let earlierHistory = try SQLRequest<Timestamp>(
            sql: "SELECT max(eventTime) FROM householdEvent WHERE householdKey = ?", arguments: [key], cached: true
        ).fetchOne(db)
        household.updatedAt = max(household.updatedAt, earlierHistory ?? household.updatedAt)
        try household.insert(db)
        return HouseholdChange(time: time, household: household, stored: household, before: .none)
    }

    /// Derives consensus, conflict, coverage and gap from the household's facts, saves it, and adds the
    /// difference of its footprint (and ``strategyChanges``) to `ledger`, which the transaction writes before
    /// it commits.
    mutating func finish(_ db: Database, ledger: inout RegionLedger) throws {
        let key = household.key
        household.updatedAt = max(household.updatedAt, time)
        let before: HouseholdFootprint?
        let after: HouseholdFootprint
        switch self.before {
        case .unchanged where household.desaCode == stored.desaCode:
            // The views and the footprint are as they were: only the event's own counters change.
            try household.save(from: stored, db)
            ledger.add(strategyChanges)
            return
        case .unchanged:
            // Moved by the event's desa: the same enrolments and facts, counted in another desa.
            let enrolments = try Enrolment.all(for: key, db)
            let facts = try HouseholdEvent.statusFacts(for: key, db)
            try household.save(from: stored, db)
            before = HouseholdFootprint(household: stored, enrolments: enrolments, facts: facts)
            after = HouseholdFootprint(household: household, enrolments: enrolments, facts: facts)
        case .none, .read:
            let latest = try ClusterAssessment.latestStatuses(for: key, db)
            let enrolments = try Enrolment.all(for: key, db)
            household.coverage = Set(enrolments.filter(\.isActive).map(\.cluster))
            household.consensusStatus = ConsensusRule.consensus(of: latest, baseline: household.baselineStatus)
            household.hasConflict = ConsensusRule.hasConflict(latest)
            household.isGap = ConsensusRule.isGap(consensus: household.consensusStatus, coveredBy: household.coverage)
            try household.save(from: stored, db)
            if case .read(let footprint) = self.before { before = footprint } else { before = nil }
            after = HouseholdFootprint(household: household, enrolments: enrolments, facts: try HouseholdEvent.statusFacts(for: key, db))
        }
        if let before, before.desaCode == after.desaCode {
            ledger.add(after.totals - before.totals, at: after.desaCode)
            ledger.add(after.months.subtracting(before.months), at: after.desaCode)
        } else {
            if let before {
                ledger.add(.zero - before.totals, at: before.desaCode)
                ledger.add(before.months.negated, at: before.desaCode)
            }
            ledger.add(after.totals, at: after.desaCode)
            ledger.add(after.months, at: after.desaCode)
        }
        var cells = strategyChanges
        cells.add(after.active)
        if let before { cells.add(before.active, negated: true) }
        ledger.add(cells)
    }
}
