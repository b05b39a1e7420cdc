import GRDB

extension CoordinatorMigrations {
    /// `coordinator-v12-enrolments-and-deliveries-by-household`: `enrolmentByHousehold` and `deliveryByHousehold`
    /// keyed by household number and id (`WITHOUT ROWID`) instead of rowid tables keyed by id.
    ///
    /// Each enrolment or delivery wrote four B-trees: the rowid table, its id's own index, the household index
    /// and the desa index; and a household's enrolments were read through the household index, then the table
    /// row by row. Keyed by household and id, a row is written to three (the table, a unique index of the id,
    /// which keeps each id once and finds a correction's row, and the desa index), and a household's rows are
    /// read side by side from the table. docs/performance.md has the measurements.
    ///
    /// The rows are copied into a table of the same columns and checks (the stored definition, as
    /// `coordinator-v9-checks-without-in-lists` left it) but for the key; the views `enrolment` and `delivery`,
    /// which read the tables, are dropped while the tables are replaced and made again from their stored text.
    /// Foreign keys are off while migrations run.
    @Sendable static func factsByHousehold(_ db: Database) throws {
        try keyByHousehold(table: "enrolmentByHousehold", id: "enrolmentID", view: "enrolment", db)
        try keyByHousehold(table: "deliveryByHousehold", id: "deliveryID", view: "delivery", db)
    }

    /// Rebuilds `table` keyed by `(household, id)` without rowid, with a unique index of `id` in place of its
    /// primary key's and the household index dropped (the key leads with the household); `view` is made again.
    private static func keyByHousehold(table: String, id: String, view: String, _ db: Database) throws {
        let idColumn = "\(id) TEXT PRIMARY KEY NOT NULL CHECK (length(\(id)) = 36)"
        guard
            let definition = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]),
            definition.contains(idColumn), let bodyStart = definition.firstIndex(of: "("),
            let bodyEnd = definition.lastIndex(of: ")"),
            let viewDefinition = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", arguments: [view])
        else {
            throw DatabaseError(message: "coordinator-v12: the definition of \(table) or \(view) is not the one coordinator-v11 left")
        }
        let householdIndex = "\(table)_household"
        let indexes = try String.fetchAll(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND name <> ?",
            arguments: [table, householdIndex])
        let columns = definition[definition.index(after: bodyStart)..<bodyEnd]
            .replacingOccurrences(of: idColumn, with: "\(id) TEXT NOT NULL CHECK (length(\(id)) = 36)")
        let rebuilt = "\(table)_v12"
        try db.execute(sql: "DROP VIEW \(view)")
        try db.execute(
            sql: "CREATE TABLE \(rebuilt) (\(columns),\n  PRIMARY KEY (household, \(id))\n) WITHOUT ROWID")
        try db.execute(sql: "INSERT INTO \(rebuilt) SELECT * FROM \(table) ORDER BY household, \(id)")
        try db.execute(sql: "DROP TABLE \(table)")
        try db.execute(sql: "ALTER TABLE \(rebuilt) RENAME TO \(table)")
        try db.execute(sql: "CREATE UNIQUE INDEX \(table)_id ON \(table) (\(id))")
        for index in indexes { try db.execute(sql: index) }
        try db.execute(sql: viewDefinition)
    }
}
