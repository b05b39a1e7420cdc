import EntasAPI
import EntasDomain
import EntasStore
import GRDB

/// One batch's change to one household, from ``begin(key:kk:location:time:leavesViews:_:)`` (load or place the
/// household, read its facts once and take its footprint) through ``include(location:time:leavesViews:_:)``
/// for each further event of the batch, to ``finish(_:ledger:)`` (derive the consensus views from the facts in
/// memory, save, and add the footprint's difference to the transaction's ``RegionLedger``), within one
/// transaction. The views and the footprint depend on the household's facts only, not on the order they came
/// in, so deriving them once after all the batch's events gives what deriving them after each would.
struct HouseholdChange: Sendable {
    /// The latest `ce_time` of the events applied.
    private(set) var time: Timestamp
    var household: Household
    /// The household's number (``HouseholdNumber``), which its facts are stored by.
    let number: Int64
    /// True when this change gave the household its number: nothing of it was stored before the batch.
    private(set) var isNumberedNow = false
    /// The household's facts as the batch leaves them; nil while only events that change none of them
    /// (deliveries, referrals) have been applied to a household already stored.
    private(set) var facts: HouseholdState?
    /// Counters the events' own facts change (enrolments started, deliveries), by cell.
    var strategyChanges: [StrategyCell: StrategyCounts] = [:]
    private var before: Before
    /// The row as it is stored, so ``finish(_:ledger:)`` writes it only when it changed.
    private let stored: Household

    /// The household's footprint before the batch.
    private enum Before: Sendable {
        /// The household is new: it had none.
        case none
        case read(HouseholdFootprint)
        /// Not read: the events so far change none of the household's enrolments, assessments or status
        /// facts, so its footprint differs only if it moved.
        case unchanged
    }

    private init(
        time: Timestamp, household: Household, number: Int64, stored: Household, facts: HouseholdState?, before: Before
    ) {
        self.time = time
        self.household = household
        self.number = number
        self.stored = stored
        self.facts = facts
        self.before = before
    }

    /// Loads the household, or places a new one where `location` says (written by ``finish(_:ledger:)``), and
    /// notes its footprint.
    /// - Parameter leavesViews: true when the event changes none of the household's enrolments, assessments
    ///   or status facts (a delivery, a referral): its facts are read only when a later event needs them.
    static func begin(
        key: HouseholdKey, kk: KKNumber, location: LocationFact, time: Timestamp, leavesViews: Bool = false, _ db: Database
    ) throws -> HouseholdChange {
        // One statement finds the household, or the number history gave its key before it could be placed.
        let numbered = try Household.numbered(key, db)
        if let numbered, let stored = numbered.household {
            var change = HouseholdChange(
                time: time, household: stored, number: numbered.number, stored: stored, facts: nil, before: .unchanged)
            if !leavesViews { try change.readFacts(db) }
            change.household.adopt(location)
            return change
        }
        var household = Household(key: key, kk: kk, desa: location.desaCode, location: location)
        let isNew = numbered == nil
        let number = try numbered?.number ?? HouseholdNumber.add(key, db)
        // History may have arrived before the household could be placed (an update without a desa): then its key
        // was numbered already.
        let earlierHistory =
            isNew
            ? nil
            : try Timestamp.fetchOne(
                db.cachedStatement(sql: "SELECT max(eventTime) FROM historyByHousehold WHERE household = ?"), arguments: [number])
        household.updatedAt = max(household.updatedAt, earlierHistory ?? household.updatedAt)
        var facts = HouseholdState.empty
        if earlierHistory != nil {
            // What came before it could be placed: jiwa, and the people it shares with another household.
            try PendingPeople.adopt(into: &household, db)
            household.isDuplicate = try HouseholdPeople.isCountedElsewhere(key, number: number, db)
            facts = try HouseholdState.load(number, key: key, db)
        }
        // Written once, by ``finish(_:ledger:)``, with its views: the transaction defers foreign keys, so its
        // facts may be written first (``CoordinatorReadModel/apply(_:_:throughInbox:)``).
        var change = HouseholdChange(time: time, household: household, number: number, stored: household, facts: facts, before: .none)
        change.isNumberedNow = isNew
        return change
    }

    /// The stored household `key` with its facts read, to derive its views again after a finding of another
    /// household's event (a person it shares), its `updatedAt` as it was; nil while the household is not placed yet.
    static func reopen(key: HouseholdKey, _ db: Database) throws -> HouseholdChange? {
        guard let found = try Household.find(key, db) else { return nil }
        let stored = found.household
        var change = HouseholdChange(
            time: stored.updatedAt, household: stored, number: found.number, stored: stored, facts: nil, before: .unchanged)
        try change.readFacts(db)
        return change
    }

    /// Takes in a further event of the batch that says where the household lives; reads the facts first
    /// when only events that leave them alone came before.
    mutating func include(location: LocationFact, time: Timestamp, leavesViews: Bool, _ db: Database) throws {
        include(time: time)
        if !leavesViews { try readFacts(db) }
        household.adopt(location)
    }

    /// Reads the facts (once) because the batch changes something the views derive from (jiwa).
    mutating func changesViews(_ db: Database) throws { try readFacts(db) }

    /// Takes in a further event's time (an update that moves nobody).
    mutating func include(time: Timestamp) {
        self.time = max(self.time, time)
    }

    /// Changes the facts in memory (the caller writes the same change to their table).
    /// - Precondition: the event is one that does not leave the views alone, so the facts were read.
    mutating func updateFacts(_ change: (inout HouseholdState) throws -> Void) rethrows {
        guard var current = facts else { return }
        try change(&current)
        facts = current
    }

    /// Reads the stored facts, once, and the footprint they give the stored household.
    private mutating func readFacts(_ db: Database) throws {
        guard facts == nil else { return }
        let loaded = try HouseholdState.load(number, key: stored.key, db)
        facts = loaded
        before = .read(HouseholdFootprint(household: stored, enrolments: loaded.enrolments, facts: loaded.statusFacts))
    }

    /// Derives consensus, conflict, coverage and gap from the household's facts, saves it, and adds the
    /// difference of its footprint (and ``strategyChanges``) to `ledger`, which the transaction writes before
    /// it commits.
    mutating func finish(_ db: Database, ledger: inout RegionLedger) throws {
        household.updatedAt = max(household.updatedAt, time)
        let before: HouseholdFootprint?
        let after: HouseholdFootprint
        switch self.before {
        case .unchanged where household.desaCode == stored.desaCode:
            // The views and the footprint are as they were: only the events' own counters change (an event that
            // states jiwa reads the facts first, so it never takes this path).
            try household.save(from: stored, number: number, db)
            ledger.add(strategyChanges)
            return
        case .unchanged:
            // Moved by an event's desa: the same enrolments and facts, counted in another desa.
            let facts = try HouseholdState.load(number, key: household.key, db)
            try household.save(from: stored, number: number, db)
            before = HouseholdFootprint(household: stored, enrolments: facts.enrolments, facts: facts.statusFacts)
            after = HouseholdFootprint(household: household, enrolments: facts.enrolments, facts: facts.statusFacts)
        case .none, .read:
            let facts = self.facts ?? .empty
            household.coverage = Set(facts.enrolments.filter(\.isActive).map(\.cluster))
            household.adopt(facts.standing)
            household.isGap = ConsensusRule.isGap(consensus: household.consensusStatus, coveredBy: household.coverage)
            if case .read(let footprint) = self.before {
                try household.save(from: stored, number: number, db)
                before = footprint
            } else {
                try household.insertNew(number: number, db)
                before = nil
            }
            after = HouseholdFootprint(household: household, enrolments: facts.enrolments, facts: facts.statusFacts)
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
