import EntasAPI
import EntasDomain
import EntasService
import EntasStore
import Foundation
import GRDB

/// The coordinator's read model: applies every Entas event to the consensus views in SQLite.
///
/// ``apply(_:_:)`` runs inside the inbox transaction (the subscription's ``handler``), synchronously, and
/// changes only what the event changes: the household it concerns, its facts, and the region tables by the
/// difference of that household's footprint. It never recounts households.
///
/// Events may arrive in any order across topics: a household is placed from the first event that names
/// it and completed when its registration arrives; "latest", "first" and "where it lives" are decided by
/// the facts' dates, `ce_time` and event id, never by arrival (see ``FactOrder``), so any order of the same
/// events gives the same views. Re-applying an event already applied changes nothing (the inbox normally
/// stops it first).
///
/// Households are keyed by ``HouseholdKey``; no name, NIK or full No. KK is stored.
public struct CoordinatorReadModel: Sendable {
    let keying: HouseholdKeying
    /// The clusters whose `household.verified` events count (Dinas Sosial by default, as the data steward).
    let verifiers: Set<Cluster>

    /// The clusters that verify unless configured otherwise: social aid (Dinas Sosial), the data steward.
    public static let defaultVerifiers: Set<Cluster> = [.socialAid]

    /// A read model keying households with `secret`, counting the verifications of `verifiers`.
    public init(secret: HouseholdKeySecret, verifiers: Set<Cluster> = Self.defaultVerifiers) {
        keying = HouseholdKeying(secret)
        self.verifiers = verifiers
    }

    /// The key of the household with No. KK `kk`.
    public func key(for kk: KKNumber) -> HouseholdKey { HouseholdKey(kk: kk, keying: keying) }

    /// The subscription's handler: each event prepared as it is decoded (``prepare(_:)``, beside the batch being
    /// written), the events of each transaction applied together. The inbox has set aside every event applied
    /// before, so the history is not looked up again.
    public var handler: EventSubscription.PreparedBatchHandler<some Sendable> {
        EventSubscription.PreparedBatchHandler(prepare: prepare) { items, db in try self.apply(items, db, throughInbox: true) }
    }

    /// What applying an event needs beyond the event, made without the database: its attributes, its household's
    /// key and the people it names, keyed (HMACs, which cost as much as a statement), and its history row.
    func prepare(_ envelope: EventEnvelope) -> HouseholdBatch.Item {
        let event = AppliedEvent(envelope)
        let key = envelope.payload.kkNumber.map { HouseholdKey(kk: $0, keying: keying) }
        return HouseholdBatch.Item(
            envelope: envelope, event: event, key: key,
            people: HouseholdPeople.Statement(
                envelope.payload, order: FactOrder(time: event.time, eventId: event.id), keying: keying),
            history: key.flatMap { HouseholdEvent(envelope.payload, event, key: $0, verifiers: verifiers) })
    }

    /// Applies one event. Call it inside a write transaction (the inbox's).
    /// - Throws: ``CoordinatorReadModelError`` for an event that contradicts earlier ones, or a GRDB error.
    public func apply(_ envelope: EventEnvelope, _ db: Database) throws {
        try apply([envelope], db)
    }

    /// Applies events inside one write transaction (the inbox's), household by household: each household's
    /// row and facts are read once, all its events of the batch applied to them in their order, its views
    /// derived and its row written once; the region tables once for the whole batch (``RegionLedger``).
    ///
    /// Households are independent of each other, so applying them one after another gives what applying the
    /// events in their order would (the randomized order tests hold it). Events already in the read model
    /// (one statement for the batch) and events repeated within it are set aside.
    /// - Throws: ``CoordinatorReadModelError`` for an event that contradicts earlier ones, or a GRDB error.
    /// - Parameter throughInbox: true when the inbox's transaction runs it, with only events not applied
    ///   before: the history's own check, one index probe per event, is then left out.
    public func apply(_ envelopes: [EventEnvelope], _ db: Database, throughInbox: Bool = false) throws {
        try apply(envelopes.map(prepare), db, throughInbox: throughInbox)
    }

    /// ``apply(_:_:throughInbox:)`` of events prepared already (``prepare(_:)``).
    func apply(_ items: [HouseholdBatch.Item], _ db: Database, throughInbox: Bool) throws {
        // A household placed by the batch is written once, after its facts (``HouseholdChange/finish(_:ledger:)``):
        // the facts' references to it are checked at the commit. SQLite ends the deferral with the transaction.
        try db.cachedStatement(sql: "PRAGMA defer_foreign_keys = ON").execute()
        var ledger = RegionLedger()
        var applied = 0
        var latest: Timestamp?
        let batch = try HouseholdBatch(items, checkHistory: !throughInbox, db)
        for commitment in batch.commitments {
            let event = AppliedEvent(commitment.envelope)
            guard case .commitmentMade(let data) = commitment.envelope.payload, try !Commitment.exists(db, key: event.id)
            else { continue }
            try applyCommitment(data, event, db)
            applied += 1
            latest = max(latest ?? event.time, event.time)
        }
        var sharing: Set<HouseholdKey> = []
        for household in batch.households {
            var change: HouseholdChange?
            // A household first numbered by its first event here has no people stored until the batch states some.
            var peopleStored = true
            for (index, item) in household.events.enumerated() {
                try apply(item, key: household.key, to: &change, db)
                if index == 0, change?.isNumberedNow == true { peopleStored = false }
                if try findSharedPeople(item, key: household.key, number: change?.number, peopleStored: peopleStored, into: &sharing, db) {
                    peopleStored = true
                }
                applied += 1
                latest = max(latest ?? item.event.time, item.event.time)
            }
            try change?.finish(db, ledger: &ledger)
        }
        // Households that share a person with one of the batch, or did: their case and whether they are counted
        // (a pair sharing a person is counted once) are derived again.
        for key in sharing.sorted() {
            guard var change = try HouseholdChange.reopen(key: key, db) else { continue }
            change.household.isDuplicate = try HouseholdPeople.isCountedElsewhere(key, number: change.number, db)
            try change.finish(db, ledger: &ledger)
        }
        try ledger.write(db)
        if let latest { try ReadModelState.record(applied, latestAt: latest, db) }
    }

    /// Applies one household event to the household's `change`, beginning it with the first event that
    /// places the household.
    private func apply(_ item: HouseholdBatch.Item, key: HouseholdKey, to change: inout HouseholdChange?, _ db: Database) throws {
        let envelope = item.envelope
        let event = item.event
        if case .householdUpdated(let data) = envelope.payload, data.desaCode == nil {
            if Self.people(in: envelope.payload) != nil {  // jiwa changes the views
                if change == nil { change = try HouseholdChange.reopen(key: key, db) }
                change?.include(time: event.time)
                try change?.changesViews(db)
            }
            if let number = change?.number {
                try item.history?.insert(number: number, db)
                change?.include(time: event.time)
            } else {
                try applyUpdateWithoutMove(item, key: key, db)
            }
        } else if let kk = envelope.payload.kkNumber, let location = Self.location(of: envelope.payload, event) {
            let leavesViews = Self.leavesViews(envelope.payload)
            if change != nil {
                try change?.include(location: location, time: event.time, leavesViews: leavesViews, db)
            } else {
                change = try HouseholdChange.begin(
                    key: key, kk: kk, location: location, time: event.time, leavesViews: leavesViews, db)
            }
            guard var current = change else { return }
            try item.history?.insert(number: current.number, db)
            change = nil  // one copy of the change while the facts are applied
            try applyFacts(of: envelope.payload, event, to: &current, db)
            change = current
        }
        if let count = Self.people(in: envelope.payload) {
            let order = FactOrder(time: event.time, eventId: event.id)
            if change != nil {
                change?.household.adoptPeople(count, order: order)
            } else {
                try PendingPeople.keep(count, order: order, for: key, db)  // not placed yet
            }
        }
    }

    /// Jiwa: the member count a registration or an update states (its member list's length when it lists them).
    static func people(in payload: EventPayload) -> Int? {
        switch payload {
        case .householdRegistered(let data): data.members?.count ?? data.memberCount
        case .householdUpdated(let data): data.members?.count ?? data.memberCount
        default: nil
        }
    }

    /// Records the people a registration or an update names (as keys) and, for each household that also lists
    /// one of them, the case step of a shared person in both histories; both households go to `sharing`.
    /// - Parameters:
    ///   - number: the household's number when the batch's change of it knows it (else it is looked up: applying
    ///     the event numbered the household).
    ///   - peopleStored: false when household `key` has no people stored (numbered by this batch, and none stated
    ///     yet): nothing to read or replace before the people are written.
    /// - Returns: true when the event named people.
    private func findSharedPeople(
        _ item: HouseholdBatch.Item, key: HouseholdKey, number: Int64?, peopleStored: Bool, into sharing: inout Set<HouseholdKey>,
        _ db: Database
    ) throws -> Bool {
        guard let statement = item.people else { return false }
        let number = try number ?? HouseholdNumber.of(key, db).number
        let before = peopleStored ? try HouseholdPeople.sharers(of: number, db) : []
        try HouseholdPeople.apply(statement, to: number, replacing: peopleStored, db)
        let now = try HouseholdPeople.sharing(of: number, db)
        for other in before.union(now.keys) {
            try SharedPersonStep.set(key, other, opener: now[other], db)
            sharing.formUnion([key, other])
        }
        return true
    }

    /// True for an event that changes none of its household's enrolments, assessments or status facts, so
    /// none of the views derived from them: a delivery, a referral or its answer.
    static func leavesViews(_ payload: EventPayload) -> Bool {
        switch payload {
        case .benefitDelivered, .referralMade, .referralAnswered: true
        default: false
        }
    }

    /// Where a household event says the household lives (nil for a commitment or an update without desa).
    static func location(of payload: EventPayload, _ event: AppliedEvent) -> LocationFact? {
        let order = FactOrder(time: event.time, eventId: event.id)
        switch payload {
        case .householdRegistered(let data): return LocationFact(desaCode: data.desaCode, authority: 1, order: order)
        case .householdUpdated(let data):
            return data.desaCode.map { LocationFact(desaCode: $0, authority: 1, order: order) }
        case .householdAssessed(let data): return LocationFact(desaCode: data.desaCode, authority: 0, order: order)
        case .enrolmentStarted(let data): return LocationFact(desaCode: data.desaCode, authority: 0, order: order)
        case .enrolmentEnded(let data): return LocationFact(desaCode: data.desaCode, authority: 0, order: order)
        case .benefitDelivered(let data): return LocationFact(desaCode: data.desaCode, authority: 0, order: order)
        case .referralMade(let data): return LocationFact(desaCode: data.desaCode, authority: 0, order: order)
        case .referralAnswered(let data): return LocationFact(desaCode: data.desaCode, authority: 0, order: order)
        case .householdGraduated(let data): return LocationFact(desaCode: data.desaCode, authority: 0, order: order)
        case .householdVerified(let data): return LocationFact(desaCode: data.desaCode, authority: 0, order: order)
        case .verificationRequested(let data): return LocationFact(desaCode: data.desaCode, authority: 0, order: order)
        case .verificationAssigned(let data): return LocationFact(desaCode: data.desaCode, authority: 0, order: order)
        case .commitmentMade: return nil
        }
    }

    /// An update that moves nobody changes no view (the coordinator keeps none of the personal fields it
    /// corrects): it joins the history and counts towards `updatedAt`. For a household not yet placed it
    /// waits in the history until one is.
    private func applyUpdateWithoutMove(_ item: HouseholdBatch.Item, key: HouseholdKey, _ db: Database) throws {
        let event = item.event
        let numbered = try Household.numbered(key, db)
        let number = try numbered?.number ?? HouseholdNumber.add(key, db)
        try item.history?.insert(number: number, db)
        if let stored = numbered?.household, stored.updatedAt < event.time {
            var household = stored
            household.updatedAt = event.time
            try household.save(from: stored, number: number, db)
        }
    }

    private func applyCommitment(_ data: CommitmentMade, _ event: AppliedEvent, _ db: Database) throws {
        try Commitment(
            eventId: event.id, commitmentID: data.commitmentID.lowercaseText, cluster: data.cluster,
            regionCode: data.regionCode, period: data.period, periodStart: data.period.firstDay,
            periodEnd: data.period.lastDay, programme: data.programme, strategy: data.strategy,
            households: data.households, deliveries: data.deliveries, budgetRupiah: data.budgetRupiah,
            graduations: data.graduations, madeOn: data.madeOn, eventTime: event.time
        ).insert(db)
    }
}

/// The CloudEvents attributes the read model keeps: the lowercase `ce_id`, `ce_type`, `ce_time` and the actor's name.
struct AppliedEvent: Sendable {
    var id: String
    var ceType: String
    var time: Timestamp
    /// The operator who recorded it (a token holder of the agency), when the event says.
    var actorName: String?

    init(_ envelope: EventEnvelope) {
        id = envelope.id.lowercaseText
        ceType = envelope.eventType.ceType
        time = Timestamp(envelope.time)
        actorName = envelope.actor?.name
    }
}
