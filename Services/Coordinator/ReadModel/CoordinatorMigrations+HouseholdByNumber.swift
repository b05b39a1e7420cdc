import GRDB

extension CoordinatorMigrations {
    /// `coordinator-v11-household-by-number`: the `household` table keyed by the household's number (its rowid)
    /// instead of its 64-digit key.
    ///
    /// The table was a rowid table with the key as primary key: every new household wrote the table, the key's
    /// own index at a random page, and `household_number` (unique, by number); every event found its household
    /// through `householdNumber`'s key index, then `household_number`, then the table. The key's index repeats
    /// `householdNumber`'s, which numbers every key the read model meets. Keyed by number, a new household writes
    /// the table at its end and no key index, and an event reaches its household's row straight from its number.
    /// docs/performance.md has the measurements.
    ///
    /// - `household.number` is the table's `INTEGER PRIMARY KEY`; `household.key` stays, with its check, for the
    ///   indexes that list a desa's households in key order (`household_desa`, `household_gap`, …), but unindexed:
    ///   a household is found by its key through `householdNumber`, which holds each key once.
    /// - `household_number` is dropped (the primary key is that index now).
    ///
    /// The rows are copied into a table of the same definition but for the two keys, and the indexes made again,
    /// as `coordinator-v6-household-people` did; with foreign keys off while migrations run, the fact tables keep
    /// their rows and still refer to `household(number)`. A household without a number cannot be (v7 numbered
    /// every one, and the read model numbers a household before it writes it): the copy fails rather than drop one.
    @Sendable static func householdByNumber(_ db: Database) throws {
        let primaryKey = "\"key\" TEXT PRIMARY KEY NOT NULL CHECK (length(key) = 64)"
        let numberColumn = "number INTEGER NOT NULL DEFAULT 0"
        guard let table = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'household'"),
            table.contains(primaryKey), table.contains(numberColumn), let nameEnd = table.range(of: "(")
        else {
            throw DatabaseError(message: "coordinator-v11: the household table's definition is not the one coordinator-v9 left")
        }
        let indexes = try String.fetchAll(
            db,
            sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'household' AND sql IS NOT NULL AND name <> 'household_number'")
        let byNumber = "CREATE TABLE household_v11 " + table[nameEnd.lowerBound...]
            .replacingOccurrences(of: primaryKey, with: "\"key\" TEXT NOT NULL CHECK (length(key) = 64)")
            .replacingOccurrences(of: numberColumn, with: "number INTEGER PRIMARY KEY CHECK (number > 0)")
        try db.execute(sql: byNumber)
        try db.execute(sql: "INSERT INTO household_v11 SELECT * FROM household ORDER BY number")
        try db.execute(sql: "DROP TABLE household")
        try db.execute(sql: "ALTER TABLE household_v11 RENAME TO household")
        for index in indexes { try db.execute(sql: index) }
        // Each household's key is the one its number was given.
        let mismatched = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM household h LEFT JOIN householdNumber n ON n.number = h.number WHERE n.key IS NOT h.key") ?? 0
        guard mismatched == 0 else {
            throw DatabaseError(message: "coordinator-v11: \(mismatched) households' keys differ from the keys their numbers were given")
        }
    }
}
