import GRDB

extension CoordinatorMigrations {
    /// `coordinator-v9-checks-without-in-lists`: every CHECK that tests a column against a list of three or
    /// more values (`cluster IN ('socialAid', …)`) on the tables events write, rewritten as the same test made of
    /// comparisons (`(cluster = 'socialAid' OR …)`), which accepts and refuses exactly the same values, NULL
    /// included.
    ///
    /// SQLite (3.40, as Debian ships it) evaluates an `IN` list of three or more values by building a temporary
    /// B-tree of the list, every time the check runs: at every row written, a B-tree opened, filled, searched
    /// and closed for each such check (perf, 100,000 events: 15 % of the coordinator's writer thread was
    /// opening and closing those B-trees). Comparisons cost a few instructions each.
    ///
    /// The rows are not copied: each table's `CREATE TABLE` text is edited in place, SQLite's documented way
    /// to change constraints every stored row already satisfies (sqlite.org/lang_altertable.html, "Making
    /// Other Kinds Of Table Schema Changes"), and the schema version raised so every connection reads it again.
    /// A store of any size migrates in an instant. Literal text: a shipped migration never changes.
    @Sendable static func checksWithoutInLists(_ db: Database) throws {
        let lists: [(columns: [String], values: String)] = [
            (["cluster", "registeredBy", "fromCluster", "toCluster"], clusters),
            (["status", "baselineStatus", "consensusStatus", "verifiedStatus"], statuses),
            (["strategy"], strategies),
            (["caseKind"], "('conflict', 'requested', 'sharedPerson')"),
        ]
        var edits: [(old: String, new: String)] = []
        for (columns, values) in lists {
            let listed = values.dropFirst().dropLast().components(separatedBy: ", ")
            for column in columns {
                edits.append(("\(column) IN \(values)", "(" + listed.map { "\(column) = \($0)" }.joined(separator: " OR ") + ")"))
            }
        }
        try editTableDefinitions(
            [
                "household", "historyByHousehold", "assessmentByHousehold", "enrolmentByHousehold", "deliveryByHousehold",
                "referralByHousehold", "householdPerson", "regionMonth", "regionStrategy", "commitment",
            ],
            replacing: edits, db)
    }

    /// Replaces, in the `CREATE TABLE` text of each of `tables`, every occurrence of each edit's `old` text with
    /// its `new`, then raises the schema version so every connection parses the new text. Only for edits that
    /// change no stored format and that every stored row satisfies as it did before (a constraint rewritten to an
    /// equivalent one). A text SQLite cannot parse fails at the next statement, inside the migration's
    /// transaction, which then rolls back.
    static func editTableDefinitions(_ tables: [String], replacing edits: [(old: String, new: String)], _ db: Database) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        defer { try? db.execute(sql: "PRAGMA writable_schema = OFF") }
        for table in tables {
            for edit in edits {
                try db.execute(
                    sql: "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = ?",
                    arguments: [edit.old, edit.new, table])
            }
        }
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        db.clearSchemaCache()
        // Parses the new text now, so a mistake fails the migration rather than a later statement.
        _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
    }
}
