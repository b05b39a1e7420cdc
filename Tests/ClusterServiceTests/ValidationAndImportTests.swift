import EntasTestKit
import EntasDomain
import EntasKafka
import EntasCluster
import EntasService
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LowCostPrograms
@testable import SocialAid

@Suite("Bad input, eligibility and import", .timeLimit(.minutes(2)), .english)
struct ValidationAndImportTests {
    /// Household 7's registration with `change` made to it.
    static func modified(_ change: (inout [String: Any]) -> Void) throws -> Data {
        JSONBody.json(try HouseholdRegistration.sample(7), changing: change)
    }

    @Test("every bad registration is a 4xx problem document naming the field, and nothing is written")
    func badRegistrations() async throws {
        let rawCases: [(String, String, Data)] = [
            ("KK too short", "kkNumber", try Self.modified { $0["kkNumber"] = "35093100001" }),
            ("KK with letters", "kkNumber", try Self.modified { $0["kkNumber"] = "35093100000000AB" }),
            ("KK of an unknown kecamatan", "kkNumber", try Self.modified { $0["kkNumber"] = "3599990000000001" }),
            ("NIK with 31 February", "headNIK", try Self.modified { $0["headNIK"] = "3509313102850001" }),
            ("desa code unknown", "desaCode", try Self.modified { $0["desaCode"] = "35.09.31.2999" }),
            ("kecamatan instead of desa", "desaCode", try Self.modified { $0["desaCode"] = "35.09.31" }),
            ("no members", "memberCount", try Self.modified { $0["memberCount"] = 0 }),
            ("unknown criterion", "criteriaMet", try Self.modified { $0["criteriaMet"] = ["owns_a_yacht"] }),
            ("missing name", "headName", try Self.modified { $0.removeValue(forKey: "headName") }),
            ("unknown status", "baselineStatus", try Self.modified { $0["baselineStatus"] = "rich" }),
            ("a NUL in the name", "headName", try Self.modified { $0["headName"] = "Siti\u{0}Aminah" }),
            ("a right-to-left override in the address", "address", try Self.modified { $0["address"] = "Dusun \u{202E}najarK" }),
            ("a bidirectional isolate in the name", "headName", try Self.modified { $0["headName"] = "\u{2066}Siti\u{2069}" }),
            ("an escape in the address", "address", try Self.modified { $0["address"] = "Dusun Krajan\u{1B}[2J" }),
        ]
        let cases = rawCases.map { ($0.0, $0.1, ByteBuffer(data: $0.2)) }
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        try await app.test(.live) { client in
            for (name, field, body) in cases {
                try await client.execute(uri: "/v1/households", method: .post, headers: cluster.authorization, body: body) { response in
                    #expect((400..<500).contains(response.status.code), "\(name)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(name)")
                    let problem = Fixture.object(response.body)
                    #expect((problem["field"] as? String)?.hasPrefix(field) == true, "\(name): \(problem)")
                    #expect((problem["detail"] as? String)?.isEmpty == false, "\(name)")
                }
            }
            try await client.execute(uri: "/v1/households", method: .post, headers: cluster.authorization, body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
            }
        }
        #expect(try await cluster.replicaCount() == 0)
        #expect(try await cluster.outboxCount() == 0)
    }

    @Test("text is stored trimmed and in NFC; a NUL or U+202E in a bulk line or a CSV row is rejected naming the field, the rest applied")
    func cleanText() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        let household = try Self.modified {
            $0["headName"] = "  Jose\u{301} Santoso "
            $0["address"] = "Dusun Krajan\r\nRT 01 "
        }
        try await app.test(.live) { client in
            let kk = try HouseholdRegistration.sample(7).kkNumber.rawValue
            try await client.execute(uri: "/v1/households", method: .post, headers: cluster.authorization, body: ByteBuffer(data: household)) { response in
                #expect(response.status == .created)
                let view = Fixture.object(response.body)
                #expect(view["headName"] as? String == "José Santoso")
                #expect((view["headName"] as? String)?.unicodeScalars.count == 12, "NFC: é is one scalar")
                #expect(view["address"] as? String == "Dusun Krajan RT 01", "the line break folded into a space")
            }
            let lines = [
                #"{"kind":"assessment","kkNumber":"\#(kk)","status":"miskin","criteriaMet":[],"assessedOn":"2026-06-01","assessor":"tim \u202e1"}"#,
                #"{"kind":"assessment","kkNumber":"\#(kk)","status":"miskin","criteriaMet":[],"assessedOn":"2026-06-01","assessor":"tim\u0000"}"#,
                #"{"kind":"assessment","kkNumber":"\#(kk)","status":"miskin","criteriaMet":[],"assessedOn":"2026-06-01","assessor":" tim 2 "}"#,
            ].joined(separator: "\n") + "\n"
            let bulkHeaders: HTTPFields = [.authorization: "Bearer \(cluster.token)", .contentType: "application/x-ndjson"]
            try await client.execute(uri: "/v1/bulk", method: .post, headers: bulkHeaders, body: ByteBuffer(string: lines)) { response in
                let summary = Fixture.object(response.body)
                #expect(summary["applied"] as? Int == 1 && summary["rejected"] as? Int == 2, "\(summary)")
                let rejections = summary["rejections"] as? [[String: Any]] ?? []
                #expect(rejections.map { $0["field"] as? String } == ["assessor", "assessor"])
                #expect(rejections.allSatisfy { ($0["detail"] as? String ?? "").contains("U+") })
            }
            let stored = try await cluster.database.read { db in try String.fetchOne(db, sql: "SELECT assessor FROM householdStatus") }
            #expect(stored == "tim 2")
            let csv = "kkNumber,headNIK,headName,address,desaCode,memberCount,criteriaMet\n"
                + "\(HouseholdRegistration.sampleKK(8)),\(HouseholdRegistration.sampleNIK(8)),Siti\u{0},Dusun Krajan,35.09.31.2001,4,1;2\n"
                + "\(HouseholdRegistration.sampleKK(9)),\(HouseholdRegistration.sampleNIK(9)),Siti,Dusun \u{202E}Krajan,35.09.31.2001,4,1;2\n"
                + "\(HouseholdRegistration.sampleKK(10)),\(HouseholdRegistration.sampleNIK(10)), Siti  ,Dusun Krajan,35.09.31.2001,4,1;2\n"
            let csvHeaders: HTTPFields = [.authorization: "Bearer \(cluster.token)", .contentType: "text/csv"]
            try await client.execute(uri: "/v1/households/import", method: .post, headers: csvHeaders, body: ByteBuffer(string: csv)) { response in
                let summary = Fixture.object(response.body)
                #expect(summary["created"] as? Int == 1 && summary["rejected"] as? Int == 2, "\(summary)")
                let rejections = summary["rejections"] as? [[String: Any]] ?? []
                #expect(rejections.map { $0["field"] as? String } == ["headName", "address"])
            }
        }
    }

    @Test("enrolment follows the programme's rule: refused with the reason when not met")
    func eligibility() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        let nearPoorKK = "3509310000000011"
        let poorKK = "3509310000000012"
        let bodies = [Fixture.json(try HouseholdRegistration.sample(11, criteria: 7, baseline: .hampirMiskin)), Fixture.json(try HouseholdRegistration.sample(12, criteria: 10, baseline: .miskin, withMembers: true))]
        try await app.test(.live) { client in
            for body in bodies {
                try await client.execute(uri: "/v1/households", method: .post, headers: cluster.authorization, body: body)
            }
            let before = try await cluster.outboxCount()
            try await client.execute(
                uri: "/v1/enrolments", method: .post, headers: cluster.authorization,
                body: Fixture.json(["kkNumber": nearPoorKK, "programme": "pkh", "startedOn": "2026-01-05"])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let problem = Fixture.object(response.body)
                #expect(problem["code"] as? String == "not-eligible")
                #expect((problem["detail"] as? String)?.contains("Hampir Miskin") == true)
            }
            #expect(try await cluster.outboxCount() == before, "a refusal publishes nothing")
            var enrolmentID = ""
            try await client.execute(
                uri: "/v1/enrolments", method: .post, headers: cluster.authorization,
                body: Fixture.json(["kkNumber": poorKK, "programme": "pkh", "startedOn": "2026-01-05"])
            ) { response in
                #expect(response.status == .created)
                enrolmentID = Fixture.object(response.body)["id"] as? String ?? ""
            }
            try await client.execute(
                uri: "/v1/enrolments", method: .post, headers: cluster.authorization,
                body: Fixture.json(["kkNumber": poorKK, "programme": "pkh", "startedOn": "2026-01-06"])
            ) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(
                uri: "/v1/enrolments/\(enrolmentID)/deliveries", method: .post, headers: cluster.authorization,
                body: Fixture.json(["amountRupiah": 750_000, "period": "2026-Q1", "deliveredOn": "2026-02-01"])
            ) { response in
                #expect(response.status == .created)
            }
            try await client.execute(
                uri: "/v1/households/\(poorKK)/graduation", method: .post, headers: cluster.authorization,
                body: Fixture.json(["reason": "head of household employed", "graduatedOn": "2026-06-30"])
            ) { response in
                #expect(response.status == .created)
                #expect(Fixture.object(response.body)["status"] as? String == "graduated")
            }
            try await cluster.waitForOutbox()
        }
        let events = try await readTopic(kafka, .socialAid, count: 4)
        #expect(
            events.compactMap { $0.stringHeaders["ce_type"] } == [
                "id.go.jatim.entas.enrolment.started.v1", "id.go.jatim.entas.benefit.delivered.v1",
                "id.go.jatim.entas.enrolment.ended.v1", "id.go.jatim.entas.household.graduated.v1",
            ])
    }

    @Test("an electricity connection needs a home without electric lighting")
    func lowCostRule() async throws {
        let rule = try #require(LowCostCommand.definition.programme("electricity")).eligibility
        let lit = HouseholdFacts(status: .miskin, memberCount: 3, criteriaMet: [.floorEarthBambooOrCheapWood])
        let dark = HouseholdFacts(status: .miskin, memberCount: 3, criteriaMet: [.noElectricLighting])
        #expect(rule.refusal(for: lit) != nil)
        #expect(rule.refusal(for: dark) == nil)
    }

    @Test("a CSV import finds its columns by name in any order; criteria by number or name, spaced, with empty pieces")
    func importColumnsAndCriteria() async throws {
        try await RecordsClient.with(SocialAidCommand.definition) { api in
            let csv = "baselineStatus,criteriaMet,memberCount,desaCode,address,headName,headNIK,kkNumber,note\n"
                + "SM, 1 ; ;no_private_toilet;5;,4,35.09.31.2006,Dusun Krajan,Siti,\(HouseholdRegistration.sampleNIK(31)),\(kk(31)),x\n"
                + ",2,3,35.09.31.2006,Dusun Krajan,Sri,\(HouseholdRegistration.sampleNIK(32)),\(kk(32))\n"  // short row: no note
                + "M,1;owns_a_yacht,3,35.09.31.2006,Dusun Krajan,Sri,\(HouseholdRegistration.sampleNIK(33)),\(kk(33)),x\n"
            let summary = try await api.client.execute(
                uri: "/v1/households/import", method: .post, headers: [.authorization: "Bearer \(api.cluster.token)", .contentType: "text/csv"],
                body: ByteBuffer(string: csv)
            ) { response in
                #expect(response.status == .ok)
                return Fixture.object(response.body)
            }
            #expect(summary["created"] as? Int == 2 && summary["rejected"] as? Int == 1, "\(summary)")
            let rejections = summary["rejections"] as? [[String: Any]] ?? []
            #expect(rejections.first?["row"] as? Int == 4 && rejections.first?["field"] as? String == "criteriaMet", "\(rejections)")
            let first = try await api.send(.get, "/v1/households/\(kk(31))", expect: .ok)
            #expect(first["criteriaMet"] as? [String] == ["floor_area_under_8m2_per_person", "no_private_toilet", "no_electric_lighting"])
            #expect(first["baselineStatus"] as? String == "sangatMiskin" && first["memberCount"] as? Int == 4 && first["headName"] as? String == "Siti")
            let second = try await api.send(.get, "/v1/households/\(kk(32))", expect: .ok)
            #expect(second["criteriaMet"] as? [String] == ["floor_earth_bamboo_or_cheap_wood"] && second["memberCount"] as? Int == 3)
        }
    }

    @Test("a CSV import writes the good rows and lists each bad row with its number and reason")
    func importCSV() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        var csv = "kkNumber,headNIK,headName,address,desaCode,memberCount,criteriaMet,baselineStatus\n"
        for index in 1...2_000 {
            csv += String(format: "350931%010d,3509311507%02d%04d,Kepala %d,\"Dusun Krajan, RT 01\",35.09.31.2006,4,1;2;5,SM\n", index, 60 + index % 30, index % 9_999 + 1, index)
        }
        csv += "3509310000000001,3509311507610002,Kepala 1,\"Dusun Krajan, RT 01\",35.09.31.2006,4,1;2;5,SM\n"  // row 2002: unchanged
        csv += "35093100000ABC12,3509311507610002,Bad KK,x,35.09.31.2006,4,,SM\n"  // row 2003
        csv += "3509310000099999,3509311507610002,Bad desa,x,35.09.31.9999,4,,SM\n"  // row 2004
        csv += "3509310000099998,3509311507610002,Bad count,x,35.09.31.2006,four,,SM\n"  // row 2005
        let body = ByteBuffer(string: csv)
        try await app.test(.live) { client in
            // Through URLSession, whose timeout can be longer than the test client's 20 s:
            // 2,000 rows in a debug build take seconds alone, far more while the suite runs.
            let port = try #require(client.port)
            var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/v1/households/import")), timeoutInterval: 300)
            request.httpMethod = "POST"
            request.setValue("Bearer \(cluster.token)", forHTTPHeaderField: "Authorization")
            request.setValue("text/csv", forHTTPHeaderField: "Content-Type")
            let (data, response) = try await URLSession.shared.upload(for: request, from: Data(buffer: body))
            do {
                #expect((response as? HTTPURLResponse)?.statusCode == 200)
                let summary = Fixture.object(ByteBuffer(data: data))
                #expect(summary["rows"] as? Int == 2_004)
                #expect(summary["created"] as? Int == 2_000)
                #expect(summary["unchanged"] as? Int == 1)
                #expect(summary["rejected"] as? Int == 3)
                let rejections = summary["rejections"] as? [[String: Any]] ?? []
                #expect(rejections.compactMap { $0["row"] as? Int } == [2003, 2004, 2005])
                #expect(rejections.compactMap { $0["field"] as? String } == ["kkNumber", "desaCode", "memberCount"])
            }
            try await client.execute(uri: "/v1/households/import", method: .post, headers: cluster.authorization, body: ByteBuffer(string: "a,b\n1,2\n")) { response in
                #expect(response.status == .badRequest)
                #expect((Fixture.object(response.body)["detail"] as? String)?.contains("kkNumber") == true)
            }
            try await cluster.waitForOutbox()
        }
        #expect(try await cluster.replicaCount() == 2_000)
        #expect(try await cluster.outboxCount() == 2_000)
    }
}
