import GRDB

extension Database {
    /// Those of `values` present in `column` of `table`, one statement per 500 values (well under
    /// SQLite's limit on bound parameters) rather than one per value. `table` and `column` are names
    /// from code, never from input.
    package func presentValues(of column: String, in table: String, among values: [String]) throws -> Set<String> {
        var present: Set<String> = []
        var start = values.startIndex
        while start < values.endIndex {
            let chunk = values[start..<min(start + 500, values.endIndex)]
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let statement = try makeStatement(sql: "SELECT \(column) FROM \(table) WHERE \(column) IN (\(placeholders))")
            present.formUnion(try String.fetchAll(statement, arguments: StatementArguments(Array(chunk))))
            start = chunk.endIndex
        }
        return present
    }
}
