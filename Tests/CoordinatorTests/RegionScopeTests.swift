import EntasAPI
import EntasDomain
import EntasService
import EntasTestKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Coordinator

@Suite("Region-scoped tokens at the coordinator", .timeLimit(.minutes(3)), .english)
struct RegionScopeTests {
    @Test("a Kabupaten Malang token sees Malang only: views default to it, other regions are 403 outside-region, lists and flags are filtered, the dashboard keeps to it, targets are set inside it only")
    func malangOnly() async throws {
        let story = try CoordinatorServiceTests.story()
        let sumberjambe = try TestHousehold(2, in: "35.09.31.2006")
        let malang = try TestHousehold(5, in: "35.07.01.2001")
        try await DashboardHarness.withCoordinator(events: story) { client, _, _, tokens in
            let (token, _) = try await tokens.create(name: "bappeda-malang", role: .admin, region: try RegionCode("35.07"))
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            func get(_ uri: String) async throws -> (HTTPResponse.Status, String, [String: Any]) {
                let response = try await client.execute(uri: uri, method: .get, headers: headers)
                return (response.status, String(buffer: response.body), Fixture.object(response.body))
            }
            let (status, _, overview) = try await get("/v1/overview")
            #expect(status == .ok)
            let region = overview["region"] as? [String: Any]
            #expect(region?["code"] as? String == "35.07")
            #expect((region?["totals"] as? [String: Any])?["households"] as? Int == 1)

            for uri in ["/v1/overview?region=35", "/v1/gaps?region=35.09", "/v1/conflicts?region=35.09.31", "/v1/plan?region=35", "/v1/evaluation/report?region=35.09"] {
                let (status, _, problem) = try await get(uri)
                #expect(status == .forbidden, "\(uri)")
                #expect(problem["code"] as? String == "outside-region", "\(uri)")
                #expect((problem["detail"] as? String ?? "").contains("Kabupaten Malang (35.07)"), "\(uri)")
            }
            for uri in ["/v1/gaps", "/v1/conflicts", "/v1/cases", "/v1/plan", "/v1/evaluation", "/v1/progress", "/v1/strategies", "/v1/audit"] {
                let (status, text, _) = try await get(uri)
                #expect(status == .ok, "\(uri)")
                #expect(!text.contains("35.09"), "\(uri) shows Jember: \(text.prefix(300))")
            }
            let (conflictStatus, _, conflicts) = try await get("/v1/conflicts")
            #expect(conflictStatus == .ok && conflicts["total"] as? Int == 0, "Sumberjambe's conflict is not Malang's")

            let (outside, _, outsideProblem) = try await get("/v1/households/\(sumberjambe.kk.rawValue)")
            #expect(outside == .forbidden && outsideProblem["code"] as? String == "outside-region")
            #expect(!(outsideProblem["detail"] as? String ?? "").contains("35.09"), "the answer does not say where the household is")
            let (unknownOutside, _, _) = try await get("/v1/households/3509319999990001")
            #expect(unknownOutside == .forbidden, "an unknown KK of another region answers as a known one: 403")
            let (inside, _, _) = try await get("/v1/households/\(malang.kk.rawValue)")
            #expect(inside == .ok)

            let lookup = try JSONSerialization.data(withJSONObject: ["kkNumbers": [sumberjambe.kk.rawValue, malang.kk.rawValue]])
            let flags = Fixture.object(try await client.execute(uri: "/v1/flags", method: .post, headers: headers, body: ByteBuffer(data: lookup)).body)
            let indexes = (flags["items"] as? [[String: Any]] ?? []).compactMap { $0["index"] as? Int }
            #expect(!indexes.contains(0), "no flag for a household outside Malang: \(indexes)")

            let home = try await client.execute(uri: "/", method: .get, headers: headers)
            #expect(home.status == .seeOther || home.status == .found)
            #expect(home.headers[.location] == "/regions/35.07")
            let page = try await client.execute(uri: "/regions/35.09", method: .get, headers: headers)
            #expect(page.status == .forbidden)
            #expect(String(buffer: page.body).contains("Outside your region"))
            let own = try await client.execute(uri: "/regions/35.07", method: .get, headers: headers)
            #expect(own.status == .ok)

            func put(_ region: String) async throws -> HTTPResponse.Status {
                let body = try JSONSerialization.data(withJSONObject: ["regionCode": region, "year": 2027, "smRemaining": 0])
                return try await client.execute(uri: "/v1/targets", method: .put, headers: headers, body: ByteBuffer(data: body)).status
            }
            #expect(try await put("35.09") == .forbidden)
            #expect(try await put("35.07") == .ok)
        }
    }
}
