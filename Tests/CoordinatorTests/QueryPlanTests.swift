import EntasDomain
import EntasStore
import Foundation
import GRDB
import Testing

@testable import Coordinator
import EntasTestKit

/// The read API's cost is the rows it shows: each listing is a range of an index, never a table scan.
@Suite(.english) struct QueryPlanTests {
    private func plan(_ request: QueryInterfaceRequest<some FetchableRecord>, _ db: Database) throws -> String {
        let statement = try request.makePreparedRequest(db).statement
        return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
            .compactMap { $0["detail"] as String? }
            .joined(separator: "; ")
    }

    @Test("overview, gaps and conflicts read ranges of their indexes")
    func plans() async throws {
        try await withReadModel { pool, _, _ in
            try await pool.read { db in
                let jember = try RegionCode("35.09")
                let overview = try plan(CoordinatorQueries.descendants(of: jember, at: .kecamatan), db)
                #expect(
                    overview.contains("USING INDEX regionAggregate_level (level=? AND regionCode>? AND regionCode<?)"))
                let gaps = try plan(
                    CoordinatorQueries.gapRequest(region: jember, cluster: .enterprise, status: .miskin), db)
                #expect(gaps.contains("USING INDEX household_gap (desaCode>? AND desaCode<?)"))
                #expect(!gaps.contains("TEMP B-TREE"))
                let conflicts = try plan(
                    CoordinatorQueries.conflictRequest(region: try RegionCode("35.09.31.2006")), db)
                #expect(conflicts.contains("USING INDEX household_conflict (desaCode=?)"))
            }
        }
    }
}
