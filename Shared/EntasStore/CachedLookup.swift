import GRDB

extension FetchableRecord where Self: TableRecord {
    /// The row whose `column` equals `value`, read through a statement prepared once per connection
    /// (GRDB's `SQLRequest(cached: true)`). For lookups that run for every event or every bulk line, where
    /// compiling a query-interface request each time costs more than reading the row.
    public static func fetchOne(
        _ db: Database, cachedWhere column: String, equals value: some DatabaseValueConvertible
    ) throws -> Self? {
        try SQLRequest<Self>(
            sql: "SELECT * FROM \(databaseTableName.quotedDatabaseIdentifier) WHERE \(column.quotedDatabaseIdentifier) = ?",
            arguments: [value], cached: true
        ).fetchOne(db)
    }
}
