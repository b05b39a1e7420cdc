import Foundation

/// Imports CSV chunks at one cluster service, one request after the other as `entas import`
/// does, and checks that every row was created.
struct ClusterImport: Sendable {
    let service: ServiceProcess

    private struct Summary: Decodable {
        var rows: Int
        var created: Int
        var rejected: Int
    }

    /// Sends `chunks`; the households created.
    func send(_ chunks: [Data]) async throws -> Int {
        var created = 0
        for chunk in chunks {
            let body = try await service.client.expect(200, "POST", "/v1/households/import", body: chunk, contentType: "text/csv; charset=utf-8")
            let summary = try JSONDecoder().decode(Summary.self, from: body)
            guard summary.created == summary.rows, summary.rejected == 0 else {
                throw BenchError.countMismatch(
                    consumer: "entas-\(service.service)", what: "new households from an import of \(summary.rows) rows", expected: summary.rows,
                    got: summary.created)
            }
            created += summary.created
        }
        return created
    }
}
