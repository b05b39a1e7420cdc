import EntasDomain
import EntasCluster
import EntasService
import Foundation
import Testing

@testable import CommunityEmpowerment
import EntasTestKit

@Suite("Community empowerment: groups and village projects", .timeLimit(.minutes(2)), .english)
struct EmpowermentRecordsTests {
    @Test("a household in two groups has one ksm enrolment, which ends when it leaves the last")
    func groupMembership() async throws {
        try await RecordsClient.with(EmpowermentCommand.definition) { api in
            try await api.register(1)
            try await api.register(2, desa: "35.09.31.2001")
            let first = try await api.send(
                .post, "/v1/groups", ["kind": "ksm", "name": "KSM Mawar", "desaCode": "35.09.31.2006", "startedOn": "2027-01-10"], expect: .created)
            let second = try await api.send(
                .post, "/v1/groups", ["kind": "pokmas", "name": "Pokmas Tani", "desaCode": "35.09.31.2006", "startedOn": "2027-01-10"], expect: .created)
            let firstID = try #require(first["id"] as? String)
            let secondID = try #require(second["id"] as? String)

            let joined = try await api.send(.post, "/v1/groups/\(firstID)/members", ["kkNumber": kk(1), "joinedOn": "2027-02-01"], expect: .created)
            #expect((joined["collective"] as? [String: Any])?["activeMembers"] as? Int == 1)
            try await api.send(.post, "/v1/groups/\(secondID)/members", ["kkNumber": kk(1), "joinedOn": "2027-02-03"], expect: .created)
            try await api.send(.post, "/v1/groups/\(firstID)/members", ["kkNumber": kk(1), "joinedOn": "2027-02-04"], expect: .conflict)
            let outside = try await api.send(.post, "/v1/groups/\(firstID)/members", ["kkNumber": kk(2), "joinedOn": "2027-02-01"], expect: .unprocessableContent)
            #expect(outside["code"] as? String == "outside-area")
            #expect(try await api.cluster.writtenEventTypes().filter { $0.hasPrefix("enrolment") } == ["enrolment.started"])

            try await api.send(.post, "/v1/groups/\(firstID)/members/\(kk(1))/leave", ["on": "2027-06-30", "reason": "moved to farming group"], expect: .ok)
            var household = try await api.send(.get, "/v1/households/\(kk(1))", expect: .ok)
            #expect((household["enrolments"] as? [[String: Any]])?.first?["endedOn"] == nil, "still in the second group")
            try await api.send(.post, "/v1/groups/\(secondID)/close", ["on": "2027-12-31", "reason": "group dissolved"], expect: .ok)
            household = try await api.send(.get, "/v1/households/\(kk(1))", expect: .ok)
            #expect((household["enrolments"] as? [[String: Any]])?.first?["endedOn"] as? String == "2027-12-31")
            #expect(try await api.cluster.writtenEventTypes().filter { $0.hasPrefix("enrolment") } == ["enrolment.started", "enrolment.ended"])

            let memberships = try await api.send(.get, "/v1/households/\(kk(1))/groups", expect: .ok)
            #expect((memberships["memberships"] as? [[String: Any]])?.compactMap { $0["leftOn"] as? String } == ["2027-06-30", "2027-12-31"])
            let inDesa = try await api.send(.get, "/v1/groups?region=35.09.31.2006", expect: .ok)
            #expect(inDesa["total"] as? Int == 2)
            let elsewhere = try await api.send(.get, "/v1/groups?region=35.09.30", expect: .ok)
            #expect(elsewhere["total"] as? Int == 0)
        }
    }

    @Test("a village project has a kind, a budget and dates; its beneficiaries' enrolments end when it closes")
    func villageProject() async throws {
        try await RecordsClient.with(EmpowermentCommand.definition) { api in
            try await api.register(1)
            try await api.register(2)
            let bad: [([String: Any], String)] = [
                (["kind": "infrastructure", "name": "Jalan Dusun", "desaCode": "35.09.31.2006", "startedOn": "2027-01-01", "endsOn": "2027-06-30"], "budgetRupiah"),
                (["kind": "infrastructure", "name": "Jalan Dusun", "desaCode": "35.09.31.2006", "startedOn": "2027-01-01", "budgetRupiah": 250_000_000], "endsOn"),
                (["kind": "road", "name": "Jalan Dusun", "desaCode": "35.09.31.2006", "startedOn": "2027-01-01", "endsOn": "2027-06-30", "budgetRupiah": 1], "kind"),
                (["kind": "infrastructure", "name": "Jalan Dusun", "desaCode": "35.09.31.9999", "startedOn": "2027-01-01", "endsOn": "2027-06-30", "budgetRupiah": 1], "desaCode"),
                (["kind": "infrastructure", "name": "Jalan Dusun", "desaCode": "35.09.31.2006", "startedOn": "2027-07-01", "endsOn": "2027-06-30", "budgetRupiah": 1], "endsOn"),
                (["kind": "infrastructure", "name": " ", "desaCode": "35.09.31.2006", "startedOn": "2027-01-01", "endsOn": "2027-06-30", "budgetRupiah": 1], "name"),
            ]
            for (body, field) in bad {
                let problem = try await api.send(.post, "/v1/projects", body, expect: .unprocessableContent)
                #expect(problem["field"] as? String == field, "\(problem)")
            }
            #expect(try await api.cluster.count("villageProject") == 0)
            let project = try await api.send(
                .post, "/v1/projects",
                ["kind": "infrastructure", "name": "Jalan Dusun Krajan", "desaCode": "35.09.31.2006", "startedOn": "2027-01-01", "endsOn": "2027-06-30",
                 "budgetRupiah": 250_000_000], expect: .created)
            #expect(project["budgetRupiah"] as? Int == 250_000_000)
            let id = try #require(project["id"] as? String)
            try await api.send(.post, "/v1/projects/\(id)/members", ["kkNumber": kk(1), "joinedOn": "2027-01-05"], expect: .created)
            try await api.send(.post, "/v1/projects/\(id)/members", ["kkNumber": kk(2), "joinedOn": "2026-12-31"], expect: .unprocessableContent)
            try await api.send(.post, "/v1/projects/\(id)/members", ["kkNumber": kk(2), "joinedOn": "2027-01-05"], expect: .created)
            let closed = try await api.send(.post, "/v1/projects/\(id)/close", ["on": "2027-06-30", "reason": "project finished"], expect: .ok)
            #expect((closed["collective"] as? [String: Any])?["activeMembers"] as? Int == 0)
            try await api.send(.post, "/v1/projects/\(id)/members", ["kkNumber": kk(1), "joinedOn": "2027-07-01"], expect: .conflict)
            #expect(try await api.cluster.writtenEventTypes().filter { $0.hasPrefix("enrolment") }.count == 4)
        }
    }
}
