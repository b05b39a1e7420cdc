import EntasDomain
import EntasCluster
import EntasService
import Foundation
import Hummingbird
import Testing

@testable import SocialAid
import EntasTestKit

@Suite("Social aid: shocks and the relief given", .timeLimit(.minutes(2)), .english)
struct SocialAidRecordsTests {
    @Test("relief after a shock is one shock-relief enrolment, delivery and end, written with the shock")
    func reliefIsPublished() async throws {
        try await RecordsClient.with(SocialAidCommand.definition) { api in
            try await api.register(1)
            let shock = try await api.send(
                .post, "/v1/shocks",
                ["kkNumber": kk(1), "kind": "breadwinnerDeath", "occurredOn": "2027-03-02", "note": "kepala keluarga meninggal",
                 "relief": ["amountRupiah": 1_500_000, "deliveredOn": "2027-03-05"]],
                expect: .created)
            #expect(shock["reliefDeliveryId"] as? String != nil)
            #expect(try await api.cluster.writtenEventTypes() == [
                "household.registered", "enrolment.started", "benefit.delivered", "enrolment.ended",
            ])
            let household = try await api.send(.get, "/v1/households/\(kk(1))", expect: .ok)
            let enrolments = household["enrolments"] as? [[String: Any]] ?? []
            #expect(enrolments.map { $0["programme"] as? String } == ["shock-relief"])
            #expect(enrolments.first?["endReason"] as? String == "relief given after breadwinnerDeath")

            // A shock without relief is only recorded.
            try await api.send(.post, "/v1/shocks", ["kkNumber": kk(1), "kind": "illness", "occurredOn": "2027-04-01"], expect: .created)
            #expect(try await api.cluster.writtenEventTypes().count == 4)
            let listed = try await api.send(.get, "/v1/shocks?kk=\(kk(1))", expect: .ok)
            #expect((listed["shocks"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["illness", "breadwinnerDeath"])
            let deaths = try await api.send(.get, "/v1/shocks?kind=breadwinnerDeath", expect: .ok)
            #expect((deaths["shocks"] as? [Any])?.count == 1)
        }
    }

    @Test("bad shocks are refused with a problem naming the field, and nothing is written")
    func refusals() async throws {
        try await RecordsClient.with(SocialAidCommand.definition) { api in
            try await api.register(1)
            try await api.register(2, baseline: .tidakMiskin)
            let cases: [(String, [String: Any], Int, String?)] = [
                ("unknown kind", ["kkNumber": kk(1), "kind": "flood", "occurredOn": "2027-03-02"], 422, "kind"),
                ("relief before the shock", ["kkNumber": kk(1), "kind": "illness", "occurredOn": "2027-03-02", "relief": ["amountRupiah": 100, "deliveredOn": "2027-03-01"]], 422, "relief.deliveredOn"),
                ("relief with no amount", ["kkNumber": kk(1), "kind": "illness", "occurredOn": "2027-03-02", "relief": ["deliveredOn": "2027-03-03"]], 422, "amountRupiah"),
                ("negative relief", ["kkNumber": kk(1), "kind": "illness", "occurredOn": "2027-03-02", "relief": ["amountRupiah": -5, "deliveredOn": "2027-03-03"]], 422, "amountRupiah"),
                ("unknown household", ["kkNumber": kk(9), "kind": "illness", "occurredOn": "2027-03-02"], 404, nil),
                ("not poor: relief refused", ["kkNumber": kk(2), "kind": "jobLoss", "occurredOn": "2027-03-02", "relief": ["amountRupiah": 100, "deliveredOn": "2027-03-03"]], 422, "kkNumber"),
            ]
            for (name, body, status, field) in cases {
                let problem = try await api.send(.post, "/v1/shocks", body, expect: HTTPResponse.Status(code: status))
                #expect(problem["field"] as? String == field, "\(name): \(problem)")
            }
            try await api.send(.get, "/v1/shocks?kind=flood", expect: .unprocessableContent)
            try await api.send(.get, "/v1/shocks/not-a-uuid", expect: .unprocessableContent)
            #expect(try await api.cluster.count("shock") == 0)
            #expect(try await api.cluster.count("enrolment") == 0)
            #expect(try await api.cluster.writtenEventTypes() == ["household.registered", "household.registered"])
        }
    }
}
