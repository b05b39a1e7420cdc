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

@Suite("Targets: Bappeda sets them with an admin token", .timeLimit(.minutes(2)), .english)
struct TargetTests {
    static func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(data: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    static var jember: [String: Any] { ["regionCode": "35.09", "year": 2027, "smRemaining": 0, "socialAidCoverage": 100] }

    @Test("/openapi.json describes the targets' body and the query parameters of the plan, the evaluation and the targets")
    func openAPI() async throws {
        try await CoordinatorFixture.with { _, client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            let paths = Fixture.object(response.body)["paths"] as? [String: Any] ?? [:]
            func operation(_ method: String, _ path: String) -> [String: Any] {
                (paths[path] as? [String: Any])?[method] as? [String: Any] ?? [:]
            }
            let body = operation("put", "/v1/targets")["requestBody"] as? [String: Any]
            let schema = ((body?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
            let properties = schema?["properties"] as? [String: Any] ?? [:]
            #expect(Set(properties.keys) == ["regionCode", "year", "smRemaining", "socialAidCoverage"])
            #expect(schema?["required"] as? [String] == ["regionCode", "year"])
            for (path, names) in [
                ("/v1/plan", ["period", "region"]), ("/v1/evaluation", ["period", "region"]), ("/v1/evaluation/report", ["period", "region"]),
                ("/v1/targets", ["region", "year"]), ("/v1/commitments", ["period", "region"]),
            ] {
                let parameters = operation("get", path)["parameters"] as? [[String: Any]] ?? []
                #expect(parameters.compactMap { $0["name"] as? String } == names, "\(path)")
                #expect(parameters.allSatisfy { $0["in"] as? String == "query" && $0["schema"] is [String: Any] }, "\(path)")
            }
        }
    }

    @Test("PUT /v1/targets: 401 without a token, 403 with a standard or another service's token, 200 with an admin token; any token reads")
    func onlyAdminsSetTargets() async throws {
        try await CoordinatorFixture.with { coordinator, client in
            func put(_ body: [String: Any], token: String?) async throws -> (HTTPResponse.Status, [String: Any]) {
                var headers: HTTPFields = [.contentType: "application/json"]
                if let token { headers[.authorization] = "Bearer \(token)" }
                let response = try await client.execute(uri: "/v1/targets", method: .put, headers: headers, body: Self.json(body))
                return (response.status, Fixture.object(response.body))
            }
            let (none, noneProblem) = try await put(Self.jember, token: nil)
            #expect(none == .unauthorized)
            #expect(noneProblem["code"] as? String == "missing-token")
            let (standard, standardProblem) = try await put(Self.jember, token: coordinator.readToken)
            #expect(standard == .forbidden)
            #expect(standardProblem["code"] as? String == "admin-required")
            #expect((standardProblem["detail"] as? String)?.contains("--role admin") == true)
            let (other, otherProblem) = try await put(Self.jember, token: "entas.social-aid.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            #expect(other == .forbidden)
            #expect(otherProblem["code"] as? String == "wrong-service")
            let (unknown, _) = try await put(Self.jember, token: "entas.coordinator.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            #expect(unknown == .unauthorized)
            #expect(try await coordinator.targetCount() == 0, "nothing is written without an admin token")

            let (admin, stored) = try await put(Self.jember, token: coordinator.adminToken)
            #expect(admin == .ok)
            #expect(stored["regionName"] as? String == "Kabupaten Jember")
            #expect(stored["setBy"] as? String == "bappeda-planning")
            _ = try await put(["regionCode": "35", "year": 2027, "smRemaining": 0], token: coordinator.adminToken)
            // A second PUT replaces the region's targets for the year.
            let (_, replaced) = try await put(["regionCode": "35.09", "year": 2027, "socialAidCoverage": 90], token: coordinator.adminToken)
            #expect(replaced["smRemaining"] == nil)

            let read = try await client.execute(
                uri: "/v1/targets?region=35.09.31&year=2027", method: .get, headers: [.authorization: "Bearer \(coordinator.readToken)"])
            #expect(read.status == .ok)
            let targets = Fixture.object(read.body)["targets"] as? [[String: Any]] ?? []
            #expect(targets.map { $0["regionCode"] as? String } == ["35", "35.09"], "a kecamatan sees the targets above it")
            #expect(targets.map { $0["socialAidCoverage"] as? Int } == [nil, 90])
        }
    }

    @Test("bad targets are refused with a problem naming the field")
    func badTargets() async throws {
        let rawCases: [(String, [String: Any], String)] = [
            ("unknown region", ["regionCode": "35.99", "year": 2027, "smRemaining": 0], "regionCode"),
            ("region outside the province", ["regionCode": "36.01", "year": 2027, "smRemaining": 0], "regionCode"),
            ("year far away", ["regionCode": "35.09", "year": 1945, "smRemaining": 0], "year"),
            ("negative SM", ["regionCode": "35.09", "year": 2027, "smRemaining": -1], "smRemaining"),
            ("coverage over 100", ["regionCode": "35.09", "year": 2027, "socialAidCoverage": 101], "socialAidCoverage"),
            ("nothing to set", ["regionCode": "35.09", "year": 2027], "smRemaining"),
            ("year as text", ["regionCode": "35.09", "year": "next", "smRemaining": 0], "year"),
        ]
        let cases = rawCases.map { ($0.0, Self.json($0.1), $0.2) }
        try await CoordinatorFixture.with { coordinator, client in
            let headers: HTTPFields = [.authorization: "Bearer \(coordinator.adminToken)", .contentType: "application/json"]
            for (name, body, field) in cases {
                let response = try await client.execute(uri: "/v1/targets", method: .put, headers: headers, body: body)
                #expect(response.status == .unprocessableContent, "\(name)")
                #expect(Fixture.object(response.body)["field"] as? String == field, "\(name): \(String(buffer: response.body))")
            }
            let response = try await client.execute(uri: "/v1/targets?year=twenty", method: .get, headers: headers)
            #expect(response.status == .unprocessableContent)
            #expect(try await coordinator.targetCount() == 0)
        }
    }

    @Test("a region takes its own target, else the nearest above: a share always, an SM count only when it is 0")
    func inheritance() throws {
        func target(_ code: String, sm: Int?, share: Int?, year: Int = 2027) throws -> Target {
            Target(regionCode: try RegionCode(code), year: year, smRemaining: sm, socialAidCoverage: share, setBy: "bappeda", setAt: Timestamp(milliseconds: 0))
        }
        let targets = [try target("35", sm: 0, share: 100), try target("35.09", sm: 500, share: 95), try target("35.09.31", sm: nil, share: 90), try target("35.09", sm: 1, share: 1, year: 2028)]
        let desa = EffectiveTarget(region: try RegionCode("35.09.31.2006"), year: 2027, targets: targets)
        #expect(desa.socialAidCoverage == 90)
        #expect(desa.socialAidCoverageFrom == (try RegionCode("35.09.31")))
        #expect(desa.smRemaining == 0, "Jember's 500 says nothing of a desa; the province's 0 applies everywhere")
        #expect(desa.smRemainingFrom == .eastJava)
        let jember = EffectiveTarget(region: try RegionCode("35.09"), year: 2027, targets: targets)
        #expect(jember.smRemaining == 500)
        #expect(jember.socialAidCoverage == 95)
        let nothing = EffectiveTarget(region: try RegionCode("35.09"), year: 2030, targets: targets)
        #expect(nothing.smRemaining == nil && nothing.socialAidCoverage == nil)
    }
}

/// A live coordinator on the embedded broker with two tokens: `bappeda` (standard) and `bappeda-planning`
/// (admin).
struct CoordinatorFixture {
    let pool: DatabasePool
    let readToken: String
    let adminToken: String

    func targetCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM target") ?? 0 }
    }

    static func with(_ body: @Sendable (CoordinatorFixture, any TestClientProtocol) async throws -> Void) async throws {
        try await TestCoordinator.with { coordinator in
            let fixture = CoordinatorFixture(
                pool: coordinator.pool, readToken: try await coordinator.token(), adminToken: try await coordinator.token("bappeda-planning", role: .admin))
            try await coordinator.application().test(.live) { client in try await body(fixture, client) }
        }
    }
}
