import EntasCluster
import EntasDomain
import EntasKafka
import EntasService
import EntasTestKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Enterprise
@testable import SocialAid

/// The worklist and verification routes without a coordinator link: every bad input is named before the
/// missing link is, a cluster that may not verify is told so, and nothing is published.
@Suite("Worklist and verification routes of a cluster service", .timeLimit(.minutes(2)), .english)
struct WorklistRouteTests {
    @Test("a region that is not a desa or kecamatan is a 422 naming region; without the coordinator link a 503 says what to set")
    func worklistWithoutLink() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        try await app.test(.live) { client in
            for (uri, field) in [("/v1/worklist?region=35.09", "region"), ("/v1/worklist", "region"), ("/v1/worklist?region=35.09.31&flag=rich", "flag"), ("/v1/worklist?region=35.09.31&format=pdf", "format")] {
                try await client.execute(uri: uri, method: .get, headers: cluster.authorization) { response in
                    #expect(response.status == .unprocessableContent, "\(uri)")
                    #expect(Fixture.object(response.body)["field"] as? String == field, "\(uri)")
                }
            }
            try await client.execute(uri: "/v1/worklist?region=35.09.31.2006", method: .get, headers: cluster.authorization) { response in
                #expect(response.status == .serviceUnavailable)
                let problem = Fixture.object(response.body)
                #expect(problem["code"] as? String == "coordinator-not-configured")
                #expect((problem["detail"] as? String ?? "").contains("ENTAS_COORDINATOR_URL"))
            }
            let assignment = Data(#"{"areaCode":"35.09","team":"tim-1"}"#.utf8)
            try await client.execute(uri: "/v1/verification/assignments", method: .post, headers: cluster.authorization, body: ByteBuffer(data: assignment)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(Fixture.object(response.body)["field"] as? String == "areaCode")
            }
        }
    }

    @Test("a cluster that may not verify gets 403 verifier-not-allowed; a request for verification needs a reason")
    func verifierAndRequest() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(EnterpriseCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        try await app.test(.live) { client in
            let record = Data(
                #"{"caseID":"5e0c7a3d-2f41-8b6e-9c2d-4a1b3c5d7e9f","status":"miskin","criteriaMet":[],"verifiedOn":"2026-11-05","verifier":"tim-1","minutesReference":"BA/1"}"#.utf8)
            try await client.execute(uri: "/v1/households/3509311203080001/verification", method: .post, headers: cluster.authorization, body: ByteBuffer(data: record)) { response in
                #expect(response.status == .forbidden)
                #expect(Fixture.object(response.body)["code"] as? String == "verifier-not-allowed")
            }
            try await client.execute(uri: "/v1/households/3509311203080001/verification-request", method: .post, headers: cluster.authorization, body: ByteBuffer(data: Data("{}".utf8))) { response in
                #expect(response.status == .unprocessableContent)
                #expect(Fixture.object(response.body)["field"] as? String == "reason")
            }
            try await client.execute(uri: "/v1/households/3509311203080001/verification-request", method: .post, headers: cluster.authorization, body: ByteBuffer(data: Data(#"{"reason":"Data diragukan"}"#.utf8))) { response in
                #expect(response.status == .notFound, "an unknown household")
            }
        }
        #expect(try await cluster.outboxCount() == 0)
    }
}
