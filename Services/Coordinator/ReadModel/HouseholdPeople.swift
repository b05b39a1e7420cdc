import EntasAPI
import EntasDomain
import GRDB

/// The people of each household as keys (`householdPerson`): its head and, when a cluster listed them, its
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

    /// Writes what `statement` says of household `key` unless a later event already said it, and answers the
    /// households that hold any of the people it names besides this one, each with the order of the later of
    /// the two statements that put the person in both and its cluster (what opens their case, whatever order
    /// events came in).
    static func apply(_ statement: Statement, to key: HouseholdKey, _ db: Database) throws -> [HouseholdKey: (order: FactOrder, cluster: Cluster)] {
        var named: [PersonKey] = []
        if let head = statement.head, try replace(key, kind: "head", with: [head], statement, db) { named.append(head) }
        if let members = statement.members, try replace(key, kind: "member", with: members, statement, db) {
            named += members
        }
        guard !named.isEmpty else { return [:] }
        var others: [HouseholdKey: (order: FactOrder, cluster: Cluster)] = [:]
        let lookup = try db.cachedStatement(
            sql: "SELECT householdKey, eventTime, eventId, cluster FROM householdPerson WHERE personKey = ? AND householdKey <> ?")
        for person in Set(named) {
            for row in try Row.fetchAll(lookup, arguments: [person.rawValue, key]) {
                guard let other = row[0] as HouseholdKey?, let time = row[1] as Timestamp?, let eventId = row[2] as String?,
                    let cluster = (row[3] as String?).flatMap(Cluster.init(rawValue:))
                else { continue }
                let theirs = FactOrder(time: time, eventId: eventId)
                let opener = theirs > statement.order ? (theirs, cluster) : (statement.order, statement.cluster)
                if let earlier = others[other], earlier.order < opener.0 { continue }
                others[other] = opener
            }
        }
        return others
    }

    /// Replaces household `key`'s people of `kind` with `people` when `order` is later than the event that
    /// stated them; true when it did.
    private static func replace(_ key: HouseholdKey, kind: String, with people: [PersonKey], _ statement: Statement, _ db: Database) throws -> Bool {
        let order = statement.order
        let stated = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT eventTime, eventId FROM householdPerson WHERE householdKey = ? AND kind = ? LIMIT 1"),
            arguments: [key, kind])
        if let stated, let time = stated[0] as Timestamp?, let eventId = stated[1] as String?,
            FactOrder(time: time, eventId: eventId) > order
        {
            return false
        }
        try db.cachedStatement(sql: "DELETE FROM householdPerson WHERE householdKey = ? AND kind = ?").execute(arguments: [key, kind])
        let insert = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO householdPerson (householdKey, kind, personKey, eventTime, eventId, cluster) VALUES (?, ?, ?, ?, ?, ?)")
        for person in Set(people) {
            try insert.execute(arguments: [key, kind, person.rawValue, order.time, order.eventId, statement.cluster.rawValue])
        }
        return true
    }
}

/// The case step one person listed in two households gives each of them (``CaseStep/Kind/sharedPerson``): a
/// row of each household's history, dated by the statement that put the person in both, with an id made from
/// that statement's and the household's, so a replay or a rebuild writes the same row once.
enum SharedPersonStep {
    /// The history rows' type: the coordinator's own finding, not an event of the contract.
    static let ceType = "entas.coordinator.person.shared"

    static let summary = "a person of this household is also listed in another household: verify which KK they belong to "
        + "(a move or pecah KK at the cluster, then the verification)"

    /// Records the step in both households' histories (once).
    static func record(_ first: HouseholdKey, _ second: HouseholdKey, opener: FactOrder, cluster: Cluster, _ db: Database) throws {
        for key in [first, second] {
            let row = HouseholdEvent(
                eventId: OpenCase.id(openedBy: "shared-person:\(opener.eventId):\(key.rawValue)"), householdKey: key, ceType: ceType,
                cluster: cluster, effectiveDate: opener.day, eventTime: opener.time, status: nil, summary: summary, detail: nil)
            try row.insert(db, onConflict: .ignore)
        }
    }
}
