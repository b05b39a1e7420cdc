import EntasAPI
import EntasDomain
import EntasStore
import GRDB

/// The people of each household as keys (`personByHousehold`, by household number): its head and, when a cluster listed them, its
/// members, each as the latest event that stated them (by ``FactOrder``) left them, so any order of the same
/// events leaves the same rows. A key held by two households is one person listed in both.
enum HouseholdPeople {
    /// What an event says of a household's people: its head, its member list, or both.
    struct Statement {
        var head: PersonKey?
        var members: [PersonKey]?
        var order: FactOrder
        /// The cluster that stated them.
        var cluster: Cluster

        /// The people `payload` names, keyed; nil for an event that names none.
        init?(_ payload: EventPayload, order: FactOrder, keying: HouseholdKeying) {
            switch payload {
            case .householdRegistered(let data):
                head = PersonKey(nik: data.headNIK, keying: keying)
                members = data.members.map { $0.map { PersonKey(nik: $0.nik, keying: keying) } }
                cluster = data.registeredBy
            case .householdUpdated(let data) where data.headNIK != nil || data.members != nil:
                head = data.headNIK.map { PersonKey(nik: $0, keying: keying) }
                members = data.members.map { $0.map { PersonKey(nik: $0.nik, keying: keying) } }
                cluster = data.updatedBy
            default:
                return nil
            }
            self.order = order
        }
    }

    /// Writes what `statement` says of household `number` unless a later event already said it.
    /// - Parameter replacing: false when the household has no people stored: they are inserted without a read.
    static func apply(_ statement: Statement, to number: Int64, replacing: Bool = true, _ db: Database) throws {
        if let head = statement.head { try replace(number, kind: "head", with: [head], statement, checking: replacing, db) }
        if let members = statement.members { try replace(number, kind: "member", with: members, statement, checking: replacing, db) }
    }

    /// The households that list one of household `number`'s people now, each with the later of the two statements
    /// that put the person in both and its cluster (the earliest such, when they share several): what opens
    /// their case. A function of the rows as they stand, so any order of the same events gives the same.
    static func sharing(of number: Int64, _ db: Database) throws -> [HouseholdKey: (order: FactOrder, cluster: Cluster)] {
        // Run for every registration: bound and read by position (``DirectStatement``).
        let statement = try DirectStatement(
            db,
            sql: """
                SELECT n.key, a.eventTime, a.eventId, a.cluster, b.eventTime, b.eventId, b.cluster
                FROM personByHousehold a
                JOIN personByHousehold b ON b.personKey = a.personKey AND b.household <> a.household
                JOIN householdNumber n ON n.number = b.household
                WHERE a.household = ?
                """)
        var others: [HouseholdKey: (order: FactOrder, cluster: Cluster)] = [:]
        try statement.forEachRow(number) { row in
            let other: HouseholdKey = try row[0]
            let own = FactOrder(time: try row[1], eventId: try row[2])
            let theirs = FactOrder(time: try row[4], eventId: try row[5])
            let opener: (FactOrder, Cluster) = theirs > own ? (theirs, try row[6]) : (own, try row[3])
            if let earlier = others[other], earlier.order <= opener.0 { return }
            others[other] = opener
        }
        return others
    }

    /// The households that list one of household `number`'s people.
    static func sharers(of number: Int64, _ db: Database) throws -> Set<HouseholdKey> {
        let statement = try DirectStatement(
            db,
            sql: """
                SELECT DISTINCT n.key
                FROM personByHousehold a
                JOIN personByHousehold b ON b.personKey = a.personKey AND b.household <> a.household
                JOIN householdNumber n ON n.number = b.household
                WHERE a.household = ?
                """)
        return Set(try statement.readAll(number) { row -> HouseholdKey in try row[0] })
    }

    /// True when household `key` (numbered `number`) shares a person with a household of a smaller key: the pair
    /// is counted once, in that one (a stable choice, whatever order the events came in: keys, not numbers).
    static func isCountedElsewhere(_ key: HouseholdKey, number: Int64, _ db: Database) throws -> Bool {
        let statement = try db.cachedStatement(
            sql: """
                SELECT 1
                FROM personByHousehold a
                JOIN personByHousehold b ON b.personKey = a.personKey
                JOIN householdNumber n ON n.number = b.household
                WHERE a.household = ? AND n.key < ? LIMIT 1
                """)
        return try Bool.fetchOne(statement, arguments: [number, key]) ?? false
    }

    /// Replaces household `number`'s people of `kind` with `people` when `order` is later than the event that
    /// stated them (`checking`; without, the household has none stored).
    private static func replace(
        _ number: Int64, kind: String, with people: [PersonKey], _ statement: Statement, checking: Bool, _ db: Database
    ) throws {
        let order = statement.order
        if checking {
            let stated = try DirectStatement(
                db, sql: "SELECT eventTime, eventId FROM personByHousehold WHERE household = ? AND kind = ? LIMIT 1"
            ).readOne(number, kind) { row in FactOrder(time: try row[0], eventId: try row[1]) }
            if let stated, stated > order { return }
            try DirectStatement(db, sql: "DELETE FROM personByHousehold WHERE household = ? AND kind = ?").execute(number, kind)
        }
        // Written for every registration: bound by position (``DirectStatement``); the time as text once.
        let insert = try DirectStatement(
            db, sql: "INSERT OR IGNORE INTO personByHousehold (household, kind, personKey, eventTime, eventId, cluster) VALUES (?, ?, ?, ?, ?, ?)")
        let time = order.time.description
        for person in Set(people) {
            try insert.execute(number, kind, person.rawValue, time, order.eventId, statement.cluster)
        }
    }
}

/// The case step one person listed in two households gives each of them (``CaseStep/Kind/sharedPerson``): a
/// row of each household's history naming the other household's key (never a person), dated by the statement
/// that put the person in both, with an id made from that statement's and the household's. The steps stand while
/// the households share the person: when they no longer do, both rows go, and with them the case unless a
/// verification closed it first. So the steps follow the rows as they stand, whatever order the events came in.
enum SharedPersonStep {
    /// The history rows' type: the coordinator's own finding, not an event of the contract.
    static let ceType = "entas.coordinator.person.shared"

    static let summary = HistorySummary.stored(Message("coordinator.history.sharedPerson"))

    /// Sets the steps of the pair `first`, `second`: none, or one in each history dated by `opener`.
    static func set(_ first: HouseholdKey, _ second: HouseholdKey, opener: (order: FactOrder, cluster: Cluster)?, _ db: Database) throws {
        let delete = try db.cachedStatement(sql: "DELETE FROM historyByHousehold WHERE household = ? AND ceType = ? AND detail = ?")
        let insert = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO historyByHousehold (eventId, household, ceType, cluster, effectiveDate, eventTime, status, summary, detail)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)
                """)
        for (key, other) in [(first, second), (second, first)] {
            let number = try HouseholdNumber.of(key, db).number
            try delete.execute(arguments: [number, ceType, other.rawValue])
            guard let opener else { continue }
            try insert.execute(arguments: [
                OpenCase.id(openedBy: "shared-person:\(opener.order.eventId):\(key.rawValue)"), number, ceType, opener.cluster,
                opener.order.day, opener.order.time, summary, other.rawValue,
            ])
        }
    }
}
