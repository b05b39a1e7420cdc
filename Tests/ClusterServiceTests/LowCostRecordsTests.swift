import EntasDomain
import EntasCluster
import EntasService
import Foundation
import Testing

@testable import LowCostPrograms
import EntasTestKit

@Suite("Low-cost programmes: works in stages", .timeLimit(.minutes(2)), .english)
struct LowCostRecordsTests {
    @Test("a house renovation goes survey → construction → completion; completion delivers one house and ends the enrolment")
    func housingStages() async throws {
        try await RecordsClient.with(LowCostCommand.definition) { api in
            try await api.register(1, baseline: .sangatMiskin)
            let enrolment = try await api.send(.post, "/v1/enrolments", ["kkNumber": kk(1), "programme": "rtlh", "startedOn": "2027-02-01"], expect: .created)
            let id = try #require(enrolment["id"] as? String)
            try await api.send(.post, "/v1/enrolments/\(id)/stages", ["stage": "survey", "reachedOn": "2027-02-03"], expect: .created)
            try await api.send(.post, "/v1/enrolments/\(id)/stages", ["stage": "connected", "reachedOn": "2027-02-04"], expect: .unprocessableContent)
            try await api.send(.post, "/v1/enrolments/\(id)/stages", ["stage": "construction", "reachedOn": "2027-02-02"], expect: .unprocessableContent)
            try await api.send(.post, "/v1/enrolments/\(id)/stages", ["stage": "construction", "reachedOn": "2027-03-01", "note": "atap dan dinding"], expect: .created)
            try await api.send(.post, "/v1/enrolments/\(id)/stages", ["stage": "design", "reachedOn": "2027-03-02"], expect: .conflict)
            let building = try await api.send(.get, "/v1/works?programme=rtlh&stage=construction", expect: .ok)
            #expect((building["works"] as? [Any])?.count == 1)
            let done = try await api.send(
                .post, "/v1/enrolments/\(id)/stages", ["stage": "completion", "reachedOn": "2027-05-30", "costRupiah": 17_500_000], expect: .created)
            #expect(done["completed"] as? Bool == true)
            #expect((done["enrolment"] as? [String: Any])?["endReason"] as? String == "completed")
            try await api.send(.post, "/v1/enrolments/\(id)/stages", ["stage": "completion", "reachedOn": "2027-05-31"], expect: .conflict)
            let deliveries = try await api.send(.get, "/v1/enrolments/\(id)/deliveries", expect: .ok)
            let delivery = try #require((deliveries["deliveries"] as? [[String: Any]])?.first)
            #expect(delivery["amountRupiah"] as? Int == 17_500_000)
            #expect(delivery["inKindUnit"] as? String == "house")
            #expect(try await api.cluster.writtenEventTypes() == ["household.registered", "enrolment.started", "benefit.delivered", "enrolment.ended"])
            let stages = try await api.send(.get, "/v1/enrolments/\(id)/stages", expect: .ok)
            #expect((stages["reached"] as? [[String: Any]])?.compactMap { $0["stage"] as? String } == ["survey", "construction", "completion"])
        }
    }

    @Test("an electricity connection has its own stages")
    func connectionStages() async throws {
        try await RecordsClient.with(LowCostCommand.definition) { api in
            try await api.register(1)
            let enrolment = try await api.send(.post, "/v1/enrolments", ["kkNumber": kk(1), "programme": "electricity", "startedOn": "2027-02-01"], expect: .created)
            let id = try #require(enrolment["id"] as? String)
            let problem = try await api.send(.post, "/v1/enrolments/\(id)/stages", ["stage": "construction", "reachedOn": "2027-02-03"], expect: .unprocessableContent)
            #expect((problem["detail"] as? String)?.contains("survey, installation, connected") == true)
            let done = try await api.send(.post, "/v1/enrolments/\(id)/stages", ["stage": "connected", "reachedOn": "2027-02-20"], expect: .created)
            #expect(done["completed"] as? Bool == true)
            try await api.send(.get, "/v1/works?programme=pkh", expect: .unprocessableContent)
        }
    }
}
