import EntasTestKit
import EntasAPI
import EntasDomain
import EntasKafka
import EntasService
import EntasStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Coordinator

/// A coordinator store written by main before the "House in order" restructuring (the
/// programme-cycle scenario's store, copied with `VACUUM INTO`) opens, migrates and serves:
/// the read model is agency data too, and a rebuild from Kafka is the last resort.
@Suite("A coordinator store written by an earlier release", .timeLimit(.minutes(2)), .english)
struct CoordinatorStoreFixtureTests {
    static var fixture: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Stores/coordinator.sqlite")
    }

    @Test("the overview, commitments, plan, evaluation and household lists answer from the old store")
    func opensAndServes() async throws {
        try await TestCoordinator.with(store: Self.fixture) { coordinator in
            let headers: HTTPFields = [.authorization: "Bearer \(try await coordinator.token())"]
            let app = try coordinator.application()
            try await app.test(.live) { client in
                func get(_ uri: String) async throws -> [String: Any] {
                    try await client.execute(uri: uri, method: .get, headers: headers) { response in
                        #expect(response.status == .ok, "GET \(uri): \(String(buffer: response.body))")
                        return Fixture.object(response.body)
                    }
                }
                let overview = try await get("/v1/overview?region=35&depth=3")
                let totals = (overview["region"] as? [String: Any])?["totals"] as? [String: Any]
                #expect(totals?["households"] as? Int == 13)
                #expect(totals?["sangatMiskin"] as? Int == 7)
                #expect(totals?["coveredAny"] as? Int == 6)
                #expect((overview["regions"] as? [Any])?.count == 3)
                let commitments = try await get("/v1/commitments?region=35.09&period=2027")
                #expect((commitments["commitments"] as? [Any])?.count == 4, "\(commitments)")
                _ = try await get("/v1/plan?region=35.09&period=2027")
                _ = try await get("/v1/evaluation?region=35.09&period=2027")
                _ = try await get("/v1/gaps?region=35")
                _ = try await get("/v1/progress?region=35.09.31")
                _ = try await get("/v1/targets?region=35.09.31")
            }
            let integrity = try await coordinator.pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            #expect(integrity == ["ok"])
        }
    }
}
