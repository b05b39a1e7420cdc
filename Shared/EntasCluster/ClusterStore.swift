import EntasService
import EntasDomain
import EntasStore
import Foundation
import GRDB

/// A cluster service's database: the only writer of its tables. Every change is written
/// together with its outbox row in one transaction, so nothing is published that was not
/// stored and nothing stored goes unpublished. The service's own events are recorded in its
/// inbox as they are written, so they are not applied again when they come back from Kafka.
public struct ClusterStore: Sendable {
    package let database: any DatabaseWriter
    public let definition: ClusterDefinition
    /// Who the events this store publishes are recorded by (the request's operator), when known.
    public private(set) var actor: EventActor?
    /// The region the request's token may read and write: households outside it are refused (403
    /// `outside-region`) and left out of lists.
    public private(set) var scope: RegionScope = .province
    public var cluster: Cluster { definition.cluster }
    public var source: String { cluster.eventSource }

    public init(_ database: any DatabaseWriter, definition: ClusterDefinition) {
        self.database = database
        self.definition = definition
    }

    /// This store, publishing its events as recorded by `actor` (`ce_entasactorid`, `ce_entasactor`).
    public func acting(as actor: EventActor?) -> ClusterStore {
        var store = self
        store.actor = actor
        return store
    }

    /// Validates `payload`, then stores it in the outbox and the inbox.
    @discardableResult
    package func publish(_ payload: EventPayload, in db: Database, now: Date = Date()) throws -> UUID {
        let envelope = EventEnvelope(source: source, time: now, payload: payload, actor: actor)
        try Outbox.enqueue(try envelope.encoded(), at: now, in: db)
        try Inbox.record(envelope.id, eventType: payload.eventType.ceType, at: now, in: db)
        return envelope.id
    }

    /// This store for a request: its events recorded by the request's operator, its households limited to the
    /// token's region.
    public func serving(_ context: AgencyRequestContext) -> ClusterStore {
        var store = acting(as: context.actor)
        store.scope = context.scope
        return store
    }

    /// A household as this service knows it inside the token's region; a 404 problem when unknown (403 when its
    /// KK was issued outside the region, so an answer never tells whether a household there exists), a 403
    /// `outside-region` when it lives outside.
    package func requireHousehold(_ kk: KKNumber, in db: Database) throws -> HouseholdReplica {
        guard let household = try HouseholdReplica.fetchOne(db, cachedWhere: "kkNumber", equals: kk) else {
            guard scope.contains(kecamatanOf: kk) else { throw ProblemDocument.outsideRegion(nil, scope: scope) }
            throw ProblemDocument.notFound(Message("cluster.household.notFound", .text(kk.masked)))
        }
        try scope.require(record: household.desaCode)
        return household
    }

    /// Refuses a record of household `kk` (an enterprise, a loan, a shock) when the household lies outside the
    /// token's region.
    package func requireInScope(_ kk: KKNumber, in db: Database) throws {
        if !scope.isProvince { _ = try requireHousehold(kk, in: db) }
    }

    /// `request` keeping the rows of households inside the token's region.
    package func inScope<Record>(_ request: QueryInterfaceRequest<Record>, kkColumn: String = "kkNumber") -> QueryInterfaceRequest<Record> {
        guard let condition = scopeCondition(kkColumn: kkColumn) else { return request }
        return request.filter(sql: condition.sql, arguments: condition.arguments)
    }

    /// The SQL condition keeping rows whose `kkColumn` names a household inside the token's region, with its
    /// argument; nil for a province-wide token.
    package func scopeCondition(kkColumn: String = "kkNumber") -> (sql: String, arguments: StatementArguments)? {
        guard let pattern = scope.codePattern else { return nil }
        return ("\(kkColumn) IN (SELECT kkNumber FROM householdReplica WHERE desaCode LIKE ?)", [pattern])
    }

    // MARK: Households

    /// Registers a household, or updates it when its KK is already known (from this or any
    /// other cluster). Publishes `household.registered` or `household.updated`; nothing when
    /// nothing changed.
    /// - Throws: 403 `outside-region` when the household, or the desa it is given, lies outside the token's region.
    public func register(_ registration: HouseholdRegistration) async throws -> RegistrationResult {
        try scope.require(registration.desaCode)
        let prepared = try prepare([registration])
        let result = try await database.write { db in try write(prepared, in: db) }.first ?? .unchanged
        switch result {
        case .outsideRegion: throw ProblemDocument.outsideRegion(nil, scope: scope)
        case .personInAnotherHousehold(let nik, let field, let other):
            throw ProblemDocument.personInAnotherHousehold(nik, of: other, not: registration.kkNumber, field: field)
        case .disagreesWithMembers(let field, let reason): throw ProblemDocument.invalidField(field, reason)
        default: return result
        }
    }

    /// Registers many households in one transaction (imports); each row's outcome in order.
    public func register(batch: [HouseholdRegistration]) async throws -> [RegistrationResult] {
        try await register(prepare(batch))
    }

    /// Registrations with their `household.registered` events already built and encoded, so that work is
    /// done before, not inside, the write transaction (an import prepares the next batch while the writer
    /// writes this one).
    public struct PreparedRegistrations: Sendable {
        let registrations: [HouseholdRegistration]
        /// The event each registration publishes if its household is new here.
        let registered: [(payload: HouseholdRegistered, event: EncodedEvent)]
        let now: Date
    }

    /// Builds and encodes each registration's `household.registered` event.
    /// - Parameter validated: true when each registration's event was checked already (the import checks
    ///   `registered(by:)` of every row, whose rules do not depend on the cluster): not checked again.
    /// - Throws: ``EventEncodingError`` for a registration the event contract refuses.
    public func prepare(_ batch: [HouseholdRegistration], validated: Bool = false) throws -> PreparedRegistrations {
        let now = Date()
        let registered = try batch.map { registration in
            let payload = registration.registered(by: cluster)
            let envelope = EventEnvelope(source: source, time: now, payload: .householdRegistered(payload), actor: actor)
            return (payload, try envelope.encoded(payloadValidated: validated))
        }
        return PreparedRegistrations(registrations: batch, registered: registered, now: now)
    }

    /// Writes prepared registrations in one transaction; each row's outcome in order.
    public func register(_ prepared: PreparedRegistrations) async throws -> [RegistrationResult] {
        try await database.write { db in try write(prepared, in: db) }
    }

    /// The batch's households already known, their members and every household here holding a person the
    /// batch names are read in one statement each (per 500); a new household is inserted without a further
    /// read. A KK twice in one batch is registered, then updated (or left unchanged) by its second row. One
    /// person belongs to one household here: a registration naming a head or member already in another KK is
    /// refused (``RegistrationResult/personInAnotherHousehold(_:field:other:)``), within the batch too.
    private func write(_ prepared: PreparedRegistrations, in db: Database) throws -> [RegistrationResult] {
        let kks = prepared.registrations.map(\.kkNumber)
        var known = try HouseholdReplica.known(kks, in: db)
        var recorded = try HouseholdMember.members(of: Array(known.keys), in: db)
        var holders = try HouseholdMember.households(holding: prepared.registrations.flatMap { $0.persons.map(\.nik) }, in: db)
        return try zip(prepared.registrations, prepared.registered).map { registration, registered in
            let kk = registration.kkNumber
            let current = Set((known[kk].map { [$0.headNIK] } ?? []) + (recorded[kk] ?? []).map(\.nik))
            for person in registration.persons where !current.contains(person.nik) {
                if let other = holders[person.nik]?.first(where: { $0 != kk }) {
                    return .personInAnotherHousehold(person.nik, field: person.field, other: other)
                }
            }
            if let refusal = registration.refusal(recorded: recorded[kk] ?? []) {
                return .disagreesWithMembers(field: refusal.field, reason: refusal.reason)
            }
            let existing = known[kk]
            let (result, stored) = try write(
                registration, registered: registered, existing: existing, recorded: recorded[kk] ?? [], at: prepared.now, in: db)
            if let stored {
                let before = existing.map { [$0.headNIK] } ?? []
                for nik in before + (recorded[kk] ?? []).map(\.nik) { holders[nik]?.remove(kk) }
                for person in registration.persons { holders[person.nik, default: []].insert(kk) }
                known[kk] = stored
                if let members = registration.members { recorded[kk] = members }
            }
            return result
        }
    }

    /// Registers one household given the row stored for its KK (nil: none) and its recorded members: a new
    /// one publishes its prepared `household.registered`, a known one `household.updated` when something
    /// changed. The outcome and the row as now stored (nil when unchanged).
    private func write(
        _ registration: HouseholdRegistration, registered: (payload: HouseholdRegistered, event: EncodedEvent),
        existing: HouseholdReplica?, recorded: [HouseholdMember], at now: Date, in db: Database
    ) throws -> (result: RegistrationResult, stored: HouseholdReplica?) {
        guard scope.contains(registration.desaCode), existing.map({ scope.contains($0.desaCode) }) ?? true else { return (.outsideRegion, nil) }
        guard let existing else {
            try Outbox.enqueue(registered.event, at: now, in: db)
            try Inbox.record(registered.event.id, eventType: HouseholdRegistered.eventType.ceType, at: now, in: db)
            let replica = HouseholdReplica(registered: registered.payload, eventID: registered.event.id, at: now)
            try replica.insertNew(db)
            if let members = registration.members { try HouseholdMember.replace(members, of: replica.kkNumber, in: db) }
            return (.created, replica)
        }
        guard let update = registration.changes(from: existing, recorded: recorded, by: cluster) else { return (.unchanged, nil) }
        let eventID = try publish(.householdUpdated(update), in: db, now: now)
        return (.updated, try HouseholdReplica.apply(updated: update, eventID: eventID, at: now, in: db))
    }

    /// Changes some of a household's fields; publishes `household.updated`.
    public func update(_ kk: KKNumber, with changes: HouseholdChanges) async throws -> HouseholdView {
        try await database.write { db in
            try update(kk, in: db) { merged, _ in
                changes.apply(to: &merged)
                return changes.departures ?? []
            }
            return try view(of: requireHousehold(kk, in: db), in: db)
        }
    }

    /// Changes household `kk` as `change` does to the registration it is now (and its recorded members),
    /// checking the result as a registration is checked; publishes `household.updated` when something
    /// changed (then true). `change` answers why each member it takes off left.
    @discardableResult
    package func update(
        _ kk: KKNumber, in db: Database,
        _ change: (inout HouseholdRegistration, _ recorded: [HouseholdMember]) throws -> [MemberDeparture]
    ) throws -> Bool {
        let existing = try requireHousehold(kk, in: db)
        let recorded = try HouseholdMember.members(of: kk, in: db)
        var merged = HouseholdRegistration(existing, members: recorded)
        let departures = try change(&merged, recorded)
        try scope.require(merged.desaCode)
        let holders = try HouseholdMember.households(holding: merged.persons.map(\.nik), in: db)
        let current = Set([existing.headNIK] + recorded.map(\.nik))
        for person in merged.persons where !current.contains(person.nik) {
            if let other = holders[person.nik]?.first(where: { $0 != kk }) {
                throw ProblemDocument.personInAnotherHousehold(person.nik, of: other, not: kk, field: person.field)
            }
        }
        if let refusal = merged.refusal(recorded: recorded) { throw ProblemDocument.invalidField(refusal.field, refusal.reason) }
        if let list = merged.members {
            for departed in recorded where !list.contains(where: { $0.nik == departed.nik }) {
                guard departures.contains(where: { $0.nik == departed.nik }) else {
                    throw ProblemDocument.invalidField("departures", Message("cluster.household.departureUnexplained", .text(departed.nik.masked)))
                }
            }
        }
        guard let update = merged.changes(from: existing, recorded: recorded, by: cluster, departures: departures) else { return false }
        let now = Date()
        let eventID = try publish(.householdUpdated(update), in: db, now: now)
        try HouseholdReplica.apply(updated: update, eventID: eventID, at: now, in: db)
        return true
    }

    public func household(_ kk: KKNumber) async throws -> HouseholdView {
        try await database.read { db in try view(of: requireHousehold(kk, in: db), in: db) }
    }

    /// Households in a region (any level), optionally with a status, in KK order, and how
    /// many there are in all.
    public func households(in region: RegionCode?, status: PovertyStatus?, limit: Int, offset: Int) async throws -> (total: Int, page: [HouseholdView]) {
        try await database.read { db in
            var sql = "FROM householdReplica h LEFT JOIN householdStatus s ON s.kkNumber = h.kkNumber WHERE 1"
            var arguments: StatementArguments = []
            if let region {
                switch region.level {
                case .province: break
                case .kabupaten:
                    sql += " AND h.kecamatanCode LIKE ?"
                    _ = arguments.append(contentsOf: [region.dotted + ".%"])
                case .kecamatan:
                    sql += " AND h.kecamatanCode = ?"
                    _ = arguments.append(contentsOf: [region.dotted])
                case .desa:
                    sql += " AND h.desaCode = ?"
                    _ = arguments.append(contentsOf: [region.dotted])
                }
            }
            if let status {
                sql += " AND COALESCE(s.status, h.baselineStatus) = ?"
                _ = arguments.append(contentsOf: [status.rawValue])
            }
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) " + sql, arguments: arguments) ?? 0
            var pageArguments = arguments
            _ = pageArguments.append(contentsOf: [limit, offset])
            let page = try HouseholdReplica.fetchAll(db, sql: "SELECT h.* " + sql + " ORDER BY h.kkNumber LIMIT ? OFFSET ?", arguments: pageArguments)
            let members = try HouseholdMember.members(of: page.map(\.kkNumber), in: db)
            return (total, try page.map { try view(of: $0, members: members[$0.kkNumber] ?? [], in: db) })
        }
    }

    func view(of household: HouseholdReplica, in db: Database) throws -> HouseholdView {
        try view(of: household, members: HouseholdMember.members(of: household.kkNumber, in: db), in: db)
    }

    func view(of household: HouseholdReplica, members: [HouseholdMember], in db: Database) throws -> HouseholdView {
        let status = try HouseholdStatus.fetchOne(db, key: household.kkNumber)
        let enrolments = try Enrolment.filter(Enrolment.Columns.kkNumber == household.kkNumber).order(Column("startedOn")).fetchAll(db)
        let graduation = try Graduation.fetchOne(db, key: household.kkNumber)
        return HouseholdView(
            household: household, viewer: cluster, assessment: status, enrolments: enrolments, graduation: graduation, members: members)
    }

    // MARK: Assessment

    /// This cluster's view of a household's status; publishes `household.assessed`.
    public func assess(_ kk: KKNumber, _ assessment: AssessmentRequest) async throws -> HouseholdView {
        try await database.write { db in
            let household = try assess(kk, assessment, in: db)
            return try view(of: household, in: db)
        }
    }

    @discardableResult
    package func assess(_ kk: KKNumber, _ assessment: AssessmentRequest, in db: Database) throws -> HouseholdReplica {
        let household = try requireHousehold(kk, in: db)
        let payload = HouseholdAssessed(
            kkNumber: kk, desaCode: household.desaCode, cluster: cluster, status: assessment.status,
            criteriaMet: assessment.criteriaMet, assessedOn: assessment.assessedOn, assessor: assessment.assessor)
        try publish(.householdAssessed(payload), in: db)
        try HouseholdStatus(
            kkNumber: kk, status: assessment.status, criteriaMet: assessment.criteriaMet,
            assessedOn: assessment.assessedOn, assessor: assessment.assessor
        ).save(db)
        return household
    }
}
