import EntasAPI
import EntasDomain
import EntasStore
import GRDB


/// One household as the coordinator sees it (`household`): where it lives, its baseline, and the consensus
/// views derived from its clusters' latest assessments and active enrolments. No name, NIK or full KK.
struct Household: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "household"

    var key: HouseholdKey
    /// `350931******0001`, for field teams.
    var maskedKK: String
    var desaCode: RegionCode
    var kecamatanCode: RegionCode
    var kabupatenCode: RegionCode
    /// 1 when the desa came from a registration or an update, 0 when from another event's desaCode.
    var locationAuthority: Int
    var locationTime: Timestamp
    var locationEventId: String
    var baselineStatus: PovertyStatus?
    var baselineSource: BaselineSource?
    var baselineOn: CalendarDate?
    var baselineTime: Timestamp?
    var baselineEventId: String?
    var consensusStatus: PovertyStatus?
    var hasConflict: Bool
    var coveredSocialAid: Bool
    var coveredCommunityEmpowerment: Bool
    var coveredEnterprise: Bool
    var coveredLowCost: Bool
    var isGap: Bool
    /// The time of the earliest registration seen; nil until one arrives.
    var registeredAt: Timestamp?
    var registeredBy: Cluster?
    /// The latest `ce_time` among the household's events (not the wall clock, so a rebuild gives it back).
    var updatedAt: Timestamp
    /// The open verification case (``OpenCase``): its id, what opened it, since when, and its team.
    var caseId: String?
    var caseKind: CaseKind?
    var caseOpenedOn: CalendarDate?
    var caseTeam: String?
    var caseAssignedOn: CalendarDate?
    /// The verification in force: the status found in the field and its day.
    var verifiedStatus: PovertyStatus?
    var verifiedOn: CalendarDate?
    /// True while the household shares a person with a household of a smaller key (``HouseholdPeople``): the
    /// pair is counted once, so this one adds nothing to the region totals but its case.
    var isDuplicate = false
    /// Jiwa: the member count the latest registration or update stated (0 until one does), and that event.
    var people = 0
    var peopleTime: Timestamp?
    var peopleEventId: String?

    enum Columns {
        static let key = Column(CodingKeys.key)
        static let desaCode = Column(CodingKeys.desaCode)
        static let consensusStatus = Column(CodingKeys.consensusStatus)
        static let hasConflict = Column(CodingKeys.hasConflict)
        static let isGap = Column(CodingKeys.isGap)
        static let caseId = Column(CodingKeys.caseId)
        static let verifiedStatus = Column(CodingKeys.verifiedStatus)
    }

    /// The open case, when there is one.
    var openCase: OpenCase? {
        get {
            guard let caseId, let caseKind, let caseOpenedOn else { return nil }
            return OpenCase(id: caseId, kind: caseKind, openedOn: caseOpenedOn, team: caseTeam, assignedOn: caseAssignedOn)
        }
        set {
            caseId = newValue?.id
            caseKind = newValue?.kind
            caseOpenedOn = newValue?.openedOn
            caseTeam = newValue?.team
            caseAssignedOn = newValue?.assignedOn
        }
    }

    /// Takes what `standing` says of the household's consensus, conflict, case and verification.
    mutating func adopt(_ standing: HouseholdStanding) {
        consensusStatus = standing.consensus(baseline: baselineStatus)
        hasConflict = standing.hasConflict
        openCase = standing.openCase
        verifiedStatus = standing.verification?.status
        verifiedOn = standing.verification?.order.day
    }

    /// A household known only from an event that is not its registration: it lives in `desa`, has no
    /// status and no coverage until facts say otherwise.
    init(key: HouseholdKey, kk: KKNumber, desa: RegionCode, location: LocationFact) {
        self.key = key
        maskedKK = kk.masked
        desaCode = desa
        kecamatanCode = desa
        kabupatenCode = desa
        locationAuthority = location.authority
        locationTime = location.order.time
        locationEventId = location.order.eventId
        hasConflict = false
        coveredSocialAid = false
        coveredCommunityEmpowerment = false
        coveredEnterprise = false
        coveredLowCost = false
        isGap = false
        updatedAt = location.order.time
        move(to: location.desaCode)
    }

    /// Moves the household to `desa` (the kecamatan and kabupaten follow).
    mutating func move(to desa: RegionCode) {
        desaCode = desa
        let ancestors = desa.ancestors
        kecamatanCode = ancestors.count > 2 ? ancestors[2] : desa
        kabupatenCode = ancestors.count > 1 ? ancestors[1] : desa
    }

    /// The clusters with an active enrolment.
    var coverage: Set<Cluster> {
        get {
            var clusters: Set<Cluster> = []
            if coveredSocialAid { clusters.insert(.socialAid) }
            if coveredCommunityEmpowerment { clusters.insert(.communityEmpowerment) }
            if coveredEnterprise { clusters.insert(.enterprise) }
            if coveredLowCost { clusters.insert(.lowCost) }
            return clusters
        }
        set {
            coveredSocialAid = newValue.contains(.socialAid)
            coveredCommunityEmpowerment = newValue.contains(.communityEmpowerment)
            coveredEnterprise = newValue.contains(.enterprise)
            coveredLowCost = newValue.contains(.lowCost)
        }
    }

    /// What this household adds to the totals of its desa and every region above it.
    var totals: RegionTotals {
        var totals = RegionTotals()
        totals.households = 1
        switch consensusStatus {
        case .sangatMiskin: totals.sangatMiskin = 1
        case .miskin: totals.miskin = 1
        case .hampirMiskin: totals.hampirMiskin = 1
        case .tidakMiskin: totals.tidakMiskin = 1
        case .graduated: totals.graduated = 1
        case nil: totals.unassessed = 1
        }
        switch baselineStatus {
        case .sangatMiskin: totals.baselineSangatMiskin = 1
        case .miskin: totals.baselineMiskin = 1
        case .hampirMiskin: totals.baselineHampirMiskin = 1
        default: break
        }
        totals.coveredSocialAid = coveredSocialAid ? 1 : 0
        totals.coveredCommunityEmpowerment = coveredCommunityEmpowerment ? 1 : 0
        totals.coveredEnterprise = coveredEnterprise ? 1 : 0
        totals.coveredLowCost = coveredLowCost ? 1 : 0
        totals.coveredAny = coverage.isEmpty ? 0 : 1
        totals.gaps = isGap ? 1 : 0
        totals.conflicts = hasConflict ? 1 : 0
        if let caseOpenedOn {
            totals.casesOpen = 1
            totals.casesAssigned = caseTeam == nil ? 0 : 1
            totals.caseOpenedDays = caseOpenedOn.daysSinceEpoch
        } else if verifiedStatus != nil {
            totals.casesVerified = 1
        }
        totals.people = people
        guard isDuplicate else { return totals }
        // Counted in the household it shares a person with: only its case stays in the counts.
        var caseOnly = RegionTotals()
        (caseOnly.casesOpen, caseOnly.casesAssigned, caseOnly.casesVerified, caseOnly.caseOpenedDays) =
            (totals.casesOpen, totals.casesAssigned, totals.casesVerified, totals.caseOpenedDays)
        return caseOnly
    }
}

extension Household {
    /// Writes what differs from `stored` (the row as read): nothing when nothing changed; else every column
    /// but the key, through one cached statement, which costs less than GRDB's comparison of two encoded
    /// records and a statement per set of changed columns. SQLite rewrites the entries of every index whose
    /// columns (or partial-index conditions) a statement sets, so when the desa, the conflict and the gap are
    /// as stored, as for most events, a statement that leaves those columns out updates the row alone.
    /// - Parameter number: the household's number (``HouseholdNumber``), the table's key.
    func save(from stored: Household, number: Int64, _ db: Database) throws {
        guard self != stored else { return }
        guard desaCode == stored.desaCode, hasConflict == stored.hasConflict, isGap == stored.isGap,
            caseId == stored.caseId, verifiedStatus == stored.verifiedStatus
        else {
            return try Self.updateAll.execute(self, number: number, db)
        }
        try Self.updateUnindexed.execute(self, number: number, db)
    }

    /// Every column but the key.
    private static let updateAll = ColumnUpdate(columnNames.indices.dropFirst())
    /// Every column but the key and those of the household indexes (``save(from:_:)``); the region codes
    /// above the desa follow the desa.
    private static let updateUnindexed = ColumnUpdate(columnNames.indices.dropFirst().filter {
        !["desaCode", "kecamatanCode", "kabupatenCode", "hasConflict", "isGap", "caseId", "verifiedStatus"].contains(columnNames[$0])
    })

    /// An `UPDATE` of some of ``columnNames`` (by their places), its SQL made once.
    private struct ColumnUpdate {
        let places: [Int]
        let sql: String

        init(_ places: some Sequence<Int>) {
            self.places = Array(places)
            sql = "UPDATE household SET \(self.places.map { "\(Household.columnNames[$0]) = ?" }.joined(separator: ", ")) WHERE number = ?"
        }

        /// Sets the columns of household `number` to `household`'s values, through one cached statement.
        func execute(_ household: Household, number: Int64, _ db: Database) throws {
            let values = household.values
            var arguments: [(any DatabaseValueConvertible)?] = places.map { values[$0] }
            arguments.append(number)
            try DirectStatement(db, sql: sql).execute(list: arguments)
        }
    }
}

// Every event reads and writes its household, so the row is coded by hand rather than through Codable, in
// one column order: ``find(_:_:)`` selects these columns and reads them by position (a lookup by name
// searches the row's columns for each), ``insertNew(number:_:)`` binds them by position; other reads go by name.
extension Household {
    /// The table's columns in the order ``values`` lists them.
    static let columnNames: [String] = [
        "key",
        "maskedKK",
        "desaCode",
        "kecamatanCode",
        "kabupatenCode",
        "locationAuthority",
        "locationTime",
        "locationEventId",
        "baselineStatus",
        "baselineSource",
        "baselineOn",
        "baselineTime",
        "baselineEventId",
        "consensusStatus",
        "hasConflict",
        "coveredSocialAid",
        "coveredCommunityEmpowerment",
        "coveredEnterprise",
        "coveredLowCost",
        "isGap",
        "registeredAt",
        "registeredBy",
        "updatedAt",
        "caseId",
        "caseKind",
        "caseOpenedOn",
        "caseTeam",
        "caseAssignedOn",
        "verifiedStatus",
        "verifiedOn",
        "people",
        "peopleTime",
        "peopleEventId",
        "isDuplicate",
    ]

    /// The columns' values, in the order of ``columnNames``.
    var values: [(any DatabaseValueConvertible)?] {
        [
            key, maskedKK, desaCode, kecamatanCode, kabupatenCode, locationAuthority, locationTime, locationEventId,
            baselineStatus, baselineSource, baselineOn, baselineTime, baselineEventId, consensusStatus, hasConflict,
            coveredSocialAid, coveredCommunityEmpowerment, coveredEnterprise, coveredLowCost, isGap, registeredAt,
            registeredBy, updatedAt, caseId, caseKind, caseOpenedOn, caseTeam, caseAssignedOn, verifiedStatus, verifiedOn,
            people, peopleTime, peopleEventId, isDuplicate,
        ]
    }

    /// Reads a household's column by its place in ``columnNames``: from a row by name, or from a row of them in
    /// that order.
    private enum ColumnReader {
        case byName(Row)
        case inOrder(DirectRow)

        func callAsFunction<Value: DatabaseValueConvertible>(_ index: Int) throws -> Value {
            switch self {
            case .byName(let row): try row.decode(forColumn: Household.columnNames[index])
            case .inOrder(let row): try row[index]
            }
        }
    }

    init(row: Row) throws {
        try self.init(ColumnReader.byName(row))
    }

    private init(_ read: ColumnReader) throws {
        key = try read(0)
        maskedKK = try read(1)
        desaCode = try read(2)
        kecamatanCode = try read(3)
        kabupatenCode = try read(4)
        locationAuthority = try read(5)
        locationTime = try read(6)
        locationEventId = try read(7)
        baselineStatus = try read(8)
        baselineSource = try read(9)
        baselineOn = try read(10)
        baselineTime = try read(11)
        baselineEventId = try read(12)
        consensusStatus = try read(13)
        hasConflict = try read(14)
        coveredSocialAid = try read(15)
        coveredCommunityEmpowerment = try read(16)
        coveredEnterprise = try read(17)
        coveredLowCost = try read(18)
        isGap = try read(19)
        registeredAt = try read(20)
        registeredBy = try read(21)
        updatedAt = try read(22)
        caseId = try read(23)
        caseKind = try read(24)
        caseOpenedOn = try read(25)
        caseTeam = try read(26)
        caseAssignedOn = try read(27)
        verifiedStatus = try read(28)
        verifiedOn = try read(29)
        people = try read(30)
        peopleTime = try read(31)
        peopleEventId = try read(32)
        isDuplicate = try read(33)
    }

    /// The household keyed `key`, if the read model has placed it, and its number (``HouseholdNumber``): one
    /// cached statement (``numbered(_:_:)``'s), read by position.
    static func find(_ key: HouseholdKey, _ db: Database) throws -> (household: Household, number: Int64)? {
        guard let numbered = try numbered(key, db), let household = numbered.household else { return nil }
        return (household, numbered.number)
    }

    /// The households with these keys, found through `householdNumber`, which holds each key once (the table is
    /// keyed by number since `coordinator-v11`, its key column unindexed).
    static func filter(keys: [HouseholdKey]) -> QueryInterfaceRequest<Household> {
        Household.filter(
            sql: "number IN (SELECT number FROM householdNumber WHERE key IN (\(databaseQuestionMarks(count: keys.count))))",
            arguments: StatementArguments(keys))
    }

    /// The number of household `key` (``HouseholdNumber``) and the household, when the read model has met the key:
    /// the household is nil while only history has named it (an update without a desa). One cached statement.
    static func numbered(_ key: HouseholdKey, _ db: Database) throws -> (number: Int64, household: Household?)? {
        try DirectStatement(db, sql: numberedSQL).readOne(key) { row in
            let placed: String? = try row[0]
            return (try row[columnNames.count], placed == nil ? nil : try Household(ColumnReader.inOrder(row)))
        }
    }

    private static let numberedSQL = """
        SELECT \(columnNames.map { "household.\($0)" }.joined(separator: ", ")), householdNumber.number
        FROM householdNumber LEFT JOIN household ON household.number = householdNumber.number
        WHERE householdNumber.key = ?
        """

    /// Inserts a household placed by this transaction, once its views are derived, with its number (one cached
    /// statement).
    func insertNew(number: Int64, _ db: Database) throws {
        try DirectStatement(db, sql: Self.insertSQL).execute(list: values + [number])
    }

    private static let selection = columnNames.joined(separator: ", ")
    private static let insertSQL = "INSERT INTO household (\(selection), number) VALUES (\(columnNames.map { _ in "?" }.joined(separator: ", ")), ?)"

    func encode(to container: inout PersistenceContainer) throws {
        for (name, value) in zip(Self.columnNames, values) {
            container[name] = value
        }
    }
}

/// Jiwa an update stated before its household was placed (`pendingPeople`): the household takes it when placed.
enum PendingPeople {
    /// Keeps `count` for household `key` unless a later statement is kept already.
    static func keep(_ count: Int, order: FactOrder, for key: HouseholdKey, _ db: Database) throws {
        if let kept = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT eventTime, eventId FROM pendingPeople WHERE householdKey = ?"), arguments: [key]),
            let time = kept[0] as Timestamp?, let eventId = kept[1] as String?, FactOrder(time: time, eventId: eventId) > order
        {
            return
        }
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO pendingPeople (householdKey, people, eventTime, eventId) VALUES (?, ?, ?, ?)")
            .execute(arguments: [key, count, order.time, order.eventId])
    }

    /// Hands a newly placed household what was kept for it, if anything.
    static func adopt(into household: inout Household, _ db: Database) throws {
        guard let kept = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT people, eventTime, eventId FROM pendingPeople WHERE householdKey = ?"), arguments: [household.key]),
            let count = kept[0] as Int?, let time = kept[1] as Timestamp?, let eventId = kept[2] as String?
        else { return }
        household.adoptPeople(count, order: FactOrder(time: time, eventId: eventId))
        try db.cachedStatement(sql: "DELETE FROM pendingPeople WHERE householdKey = ?").execute(arguments: [household.key])
    }
}

extension Household {
    /// Takes the member count an event states (``CoordinatorReadModel/people(in:)``) unless a later event stated one.
    mutating func adoptPeople(_ count: Int, order: FactOrder) {
        if let peopleTime, let peopleEventId, FactOrder(time: peopleTime, eventId: peopleEventId) > order { return }
        people = count
        peopleTime = order.time
        peopleEventId = order.eventId
    }
}
