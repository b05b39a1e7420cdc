import EntasAPI
import EntasStore
import GRDB

/// Household numbers (`householdNumber`): each household key the read model has met, numbered from 1 in the
/// order first seen. The facts are stored by number (`coordinator-v7-household-numbers`), so the households
/// of one batch, usually seen about the same time, sit side by side in every table keyed by household.
enum HouseholdNumber {
    /// The number of household `key`, given now when the read model has not met the key before (`isNew`).
    static func of(_ key: HouseholdKey, _ db: Database) throws -> (number: Int64, isNew: Bool) {
        if let number: Int64 = try DirectStatement(db, sql: "SELECT number FROM householdNumber WHERE key = ?").readOne(key, reading: { try $0[0] }) {
            return (number, false)
        }
        return (try add(key, db), true)
    }

    /// Numbers household `key`, which the read model has not met before: the next number.
    static func add(_ key: HouseholdKey, _ db: Database) throws -> Int64 {
        try DirectStatement(db, sql: "INSERT INTO householdNumber (key) VALUES (?)").execute(key)
        return db.lastInsertedRowID
    }
}
