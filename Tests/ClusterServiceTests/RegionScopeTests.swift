import EntasCluster
import EntasDomain
import EntasKafka
import EntasService
import EntasStore
import EntasTestKit
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SocialAid

@Suite("Region-scoped tokens at a cluster service", .timeLimit(.minutes(2)), .english)
struct RegionScopeTests {
    @Test("a Kecamatan Jombang token reads and writes Jombang's households only: 403 outside-region elsewhere (an unknown KK of another kecamatan too), lists filtered, CSV rows outside rejected; a Jember token sees both kecamatan")
    func jombangOnly() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        let tokens = TokenStore(cluster.database, service: "social-aid")
        let (jombang, _) = try await tokens.create(name: "dinsos-jombang", role: .admin, region: try RegionCode("35.09.01"))
        let (jember, _) = try await tokens.create(name: "dinsos-jember", region: try RegionCode("35.09"))
        let sumberjambe = try HouseholdRegistration.sample(1, desa: "35.09.31.2006")
        let moved = try HouseholdRegistration.sample(2, desa: "35.09.01.2001")  // a Sumberjambe KK living in Jombang
        try await app.test(.live) { client in
            func send(_ uri: String, _ method: HTTPRequest.Method = .get, token: String, body: ByteBuffer? = nil, type: String = "application/json")
                async throws -> (HTTPResponse.Status, [String: Any])
            {
                let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: type]
                let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
                return (response.status, Fixture.object(response.body))
            }
            // Registering: Sumberjambe is refused to the Jombang token, Jombang is not.
            let (refused, problem) = try await send("/v1/households", .post, token: jombang, body: Fixture.json(sumberjambe))
            #expect(refused == .forbidden && problem["code"] as? String == "outside-region")
            #expect((problem["detail"] as? String ?? "").contains("Kecamatan Jombang (35.09.01)"))
            #expect(try await send("/v1/households", .post, token: jombang, body: Fixture.json(moved)).0 == .created)
            #expect(try await send("/v1/households", .post, token: cluster.token, body: Fixture.json(sumberjambe)).0 == .created)

            let (listed, page) = try await send("/v1/households", token: jombang)
            #expect(listed == .ok && page["total"] as? Int == 1)
            #expect(try await send("/v1/households?region=35.09.31", token: jombang).1["code"] as? String == "outside-region")
            #expect(try await send("/v1/households", token: jember).1["total"] as? Int == 2)

            #expect(try await send("/v1/households/\(sumberjambe.kkNumber.rawValue)", token: jombang).0 == .forbidden)
            #expect(try await send("/v1/households/\(moved.kkNumber.rawValue)", token: jombang).0 == .ok)
            #expect(try await send("/v1/households/3509319999990001", token: jombang).0 == .forbidden, "unknown, issued in Sumberjambe: 403, not 404")
            #expect(try await send("/v1/households/3509019999990001", token: jombang).0 == .notFound, "unknown, issued in Jombang: 404")
            let assessment: [String: Any] = ["status": "miskin", "criteriaMet": [], "assessedOn": "2026-06-01", "assessor": "tim"]
            #expect(try await send("/v1/households/\(sumberjambe.kkNumber.rawValue)/assessments", .post, token: jombang, body: Fixture.json(assessment)).0 == .forbidden)
            let moveAway: [String: Any] = ["desaCode": "35.09.31.2001"]
            #expect(try await send("/v1/households/\(moved.kkNumber.rawValue)", .patch, token: jombang, body: Fixture.json(moveAway)).0 == .forbidden)

            let outbox = try await cluster.outboxCount()
            let csv = "kkNumber,headNIK,headName,address,desaCode,memberCount,criteriaMet\n"
                + "\(HouseholdRegistration.sampleKK(3)),\(HouseholdRegistration.sampleNIK(3)),Kepala 3,Dusun Krajan,35.09.31.2001,4,1;2\n"
                + "\(HouseholdRegistration.sampleKK(4)),\(HouseholdRegistration.sampleNIK(4)),Kepala 4,Dusun Krajan,35.09.01.2002,4,1;2\n"
                + "\(sumberjambe.kkNumber.rawValue),\(sumberjambe.headNIK.rawValue),Kepala 1,Dusun Krajan,35.09.01.2002,4,1;2\n"
            let (imported, summary) = try await send("/v1/households/import", .post, token: jombang, body: ByteBuffer(string: csv), type: "text/csv")
            #expect(imported == .ok)
            #expect(summary["created"] as? Int == 1 && summary["rejected"] as? Int == 2)
            let rejections = summary["rejections"] as? [[String: Any]] ?? []
            #expect(Set(rejections.compactMap { $0["row"] as? Int }) == [2, 4], "row 2 lives in Sumberjambe; row 4 would move a Sumberjambe household")
            #expect(try await cluster.outboxCount() == outbox + 1)

            // A bulk line about a household outside: refused as such, before any lookup could say whether it has
            // an enrolment there.
            let line = #"{"kind":"delivery","kkNumber":"\#(sumberjambe.kkNumber.rawValue)","programme":"pkh","amountRupiah":750000,"period":"2026-06","deliveredOn":"2026-06-01"}"#
            let (bulk, bulkSummary) = try await send("/v1/bulk", .post, token: jombang, body: ByteBuffer(string: line + "\n"), type: "application/x-ndjson")
            #expect(bulk == .ok)
            #expect((bulkSummary["rejections"] as? [[String: Any]])?.first?["code"] as? String == "outside-region", "\(bulkSummary)")

            let (trail, entries) = try await send("/v1/audit", token: jombang)
            #expect(trail == .ok)
            let regions = (entries["entries"] as? [[String: Any]] ?? []).compactMap { $0["region"] as? String }
            #expect(!regions.isEmpty && regions.allSatisfy { $0.hasPrefix("35.09.01") }, "a Jombang admin reads Jombang's trail: \(regions)")
            let listReads = (entries["entries"] as? [[String: Any]] ?? []).filter { $0["route"] as? String == "/v1/households" && $0["method"] as? String == "GET" }
            #expect(listReads.contains { $0["region"] as? String == "35.09.01" }, "its list read without ?region= is placed in its region")
        }
    }

    @Test("token create --region and token scope take a province, kabupaten/kota or kecamatan of the reference, and say what is wrong with anything else")
    func tokenRegions() throws {
        #expect(try RegionScope.parse("35.09").region == RegionCode("35.09"))
        #expect(try RegionScope.parse("350931").region == RegionCode("35.09.31"))
        #expect(try RegionScope.parse("35").isProvince)
        for (text, reason) in [("35.09.31.2006", "not a desa"), ("35.99", "not a region"), ("31.71", "Jawa Timur"), ("jember", "Kemendagri code")] {
            #expect(throws: (any Error).self, "\(text)") { try RegionScope.parse(text) }
            do { _ = try RegionScope.parse(text) } catch { #expect("\(error)".contains(reason), "\(text): \(error)") }
        }
    }
}
