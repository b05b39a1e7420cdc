import EntasCluster
import EntasDomain
import EntasKafka
import EntasService
import EntasTestKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SocialAid

@Suite("One person heads one household at a service", .timeLimit(.minutes(2)), .english)
struct OnePersonOneHouseholdTests {
    @Test("a NIK already heading another KK is refused (409 naming both, masked; a CSV row rejected naming headNIK); once that KK has a new head, it may head the new one")
    func oneHead() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        let first = try HouseholdRegistration.sample(1)
        let second = try { () throws -> HouseholdRegistration in
            var registration = try HouseholdRegistration.sample(2)
            registration.headNIK = first.headNIK
            return registration
        }()
        try await app.test(.live) { client in
            func send(_ uri: String, _ method: HTTPRequest.Method, _ body: ByteBuffer, type: String = "application/json") async throws -> (HTTPResponse.Status, [String: Any]) {
                var headers = cluster.authorization
                headers[.contentType] = type
                let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
                return (response.status, Fixture.object(response.body))
            }
            #expect(try await send("/v1/households", .post, Fixture.json(first)).0 == .created)
            let (status, problem) = try await send("/v1/households", .post, Fixture.json(second))
            #expect(status == .conflict)
            #expect(problem["code"] as? String == "person-in-another-household" && problem["field"] as? String == "headNIK")
            let detail = problem["detail"] as? String ?? ""
            #expect(detail.contains(first.headNIK.masked) && detail.contains(first.kkNumber.masked) && detail.contains(second.kkNumber.masked), "\(detail)")
            #expect(!detail.contains(first.headNIK.rawValue) && !detail.contains(first.kkNumber.rawValue), "masked, never whole")
            #expect(try await send("/v1/households", .post, Fixture.json(first)).0 == .ok, "the same head of the same KK is no conflict")

            // A CSV with the NIK twice: the second row is refused; a third row heading its own KK is created.
            let csv = "kkNumber,headNIK,headName,address,desaCode,memberCount,criteriaMet\n"
                + "\(HouseholdRegistration.sampleKK(3)),\(HouseholdRegistration.sampleNIK(3)),Kepala 3,Dusun Krajan,35.09.31.2001,4,1;2\n"
                + "\(HouseholdRegistration.sampleKK(4)),\(HouseholdRegistration.sampleNIK(3)),Kepala 3,Dusun Krajan,35.09.31.2001,4,1;2\n"
                + "\(second.kkNumber.rawValue),\(first.headNIK.rawValue),Kepala 1,Dusun Krajan,35.09.31.2001,4,1;2\n"
            let (imported, summary) = try await send("/v1/households/import", .post, ByteBuffer(string: csv), type: "text/csv")
            #expect(imported == .ok && summary["created"] as? Int == 1 && summary["rejected"] as? Int == 2, "\(summary)")
            let rejections = summary["rejections"] as? [[String: Any]] ?? []
            #expect(rejections.map { $0["row"] as? Int } == [3, 4] && rejections.allSatisfy { $0["field"] as? String == "headNIK" }, "\(rejections)")

            // Changing a household's head to a NIK that heads another: 409. Moving the person: first KK gets a new head.
            let takeOver: [String: Any] = ["headNIK": HouseholdRegistration.sampleNIK(3)]
            #expect(try await send("/v1/households/\(first.kkNumber.rawValue)", .patch, Fixture.json(takeOver)).0 == .conflict)
            let newHead: [String: Any] = ["headNIK": HouseholdRegistration.sampleNIK(9)]
            #expect(try await send("/v1/households/\(first.kkNumber.rawValue)", .patch, Fixture.json(newHead)).0 == .ok)
            #expect(try await send("/v1/households", .post, Fixture.json(second)).0 == .created, "the person may now head the new KK")
        }
        #expect(try await cluster.replicaCount() == 3)
    }
}
