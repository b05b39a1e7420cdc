import EntasDomain
import GRDB

/// The `householdMember` rows of the replica: a household's list is written whole and read in list order.
extension HouseholdMember {
    /// Replaces the list of `kk` with `members`, inside the caller's transaction.
    public static func replace(_ members: [HouseholdMember], of kk: KKNumber, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM householdMember WHERE kkNumber = ?").execute(arguments: [kk])
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO householdMember (kkNumber, nik, position, name, relationship, sex, birthDate, schoolLevel,
                inSchool, pregnantOrNursing, severeDisability) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, member) in members.enumerated() {
            try insert.execute(arguments: [
                kk, member.nik, position, member.name, member.relationship.rawValue, member.sex.rawValue, member.birthDate,
                member.schoolLevel?.rawValue, member.inSchool, member.pregnantOrNursing, member.severeDisability,
            ])
        }
    }

    /// The members of `kk`, in list order; empty when none are recorded.
    public static func members(of kk: KKNumber, in db: Database) throws -> [HouseholdMember] {
        try members(of: [kk], in: db)[kk] ?? []
    }

    /// The members of each of `kks` that has any, in list order, one statement per 500 households.
    public static func members(of kks: [KKNumber], in db: Database) throws -> [KKNumber: [HouseholdMember]] {
        var found: [KKNumber: [HouseholdMember]] = [:]
        for chunk in kks.chunks() {
            let rows = try Row.fetchCursor(
                db, sql: "SELECT * FROM householdMember WHERE kkNumber IN (\(databaseQuestionMarks(count: chunk.count))) ORDER BY kkNumber, position",
                arguments: StatementArguments(Array(chunk)))
            while let row = try rows.next() {
                guard let kk = row["kkNumber"] as KKNumber?, let member = try member(row) else { continue }
                found[kk, default: []].append(member)
            }
        }
        return found
    }

    /// The households here that list each of `niks` as a member or have it as their head, one statement per
    /// 500 NIKs for each table.
    public static func households(holding niks: [NIK], in db: Database) throws -> [NIK: Set<KKNumber>] {
        var found: [NIK: Set<KKNumber>] = [:]
        for (nik, kks) in try HouseholdReplica.heads(niks, in: db) { found[nik, default: []].formUnion(kks) }
        for chunk in Array(Set(niks)).chunks() {
            let rows = try Row.fetchCursor(
                db, sql: "SELECT nik, kkNumber FROM householdMember WHERE nik IN (\(databaseQuestionMarks(count: chunk.count)))",
                arguments: StatementArguments(Array(chunk)))
            while let row = try rows.next() {
                if let nik = row["nik"] as NIK?, let kk = row["kkNumber"] as KKNumber? { found[nik, default: []].insert(kk) }
            }
        }
        return found
    }

    private static func member(_ row: Row) throws -> HouseholdMember? {
        guard let nik = row["nik"] as NIK?, let relationship = FamilyRelationship(rawValue: row["relationship"]),
            let sex = Sex(rawValue: row["sex"]), let birthDate = row["birthDate"] as CalendarDate?
        else { return nil }
        return HouseholdMember(
            nik: nik, name: row["name"], relationship: relationship, sex: sex, birthDate: birthDate,
            schoolLevel: (row["schoolLevel"] as String?).flatMap(SchoolLevel.init(rawValue:)), inSchool: row["inSchool"],
            pregnantOrNursing: row["pregnantOrNursing"], severeDisability: row["severeDisability"])
    }
}
