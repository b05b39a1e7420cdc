import EntasDomain
import EntasCluster
import EntasService
import Foundation
import Testing

@testable import Enterprise
import EntasTestKit

@Suite("UMKM: enterprises, KUR loans, trainings, cooperatives", .timeLimit(.minutes(2)), .english)
struct EnterpriseRecordsTests {
    /// A head's NIK in Sumberjambe (born 15.07.1960, a man).
    static let ownerNIK = "3509311507600001"

    func enterprise(_ api: RecordsClient, household: Int) async throws -> String {
        let body: [String: Any] = ["kkNumber": kk(household), "ownerNIK": Self.ownerNIK, "name": "Warung Bu Sri", "sector": "trade", "startedOn": "2025-05-01"]
        return try #require(try await api.send(.post, "/v1/enterprises", body, expect: .created)["id"] as? String)
    }

    @Test("a KUR loan from application to the last repayment, with arrears on the day asked about")
    func loanLifecycle() async throws {
        try await RecordsClient.with(EnterpriseCommand.definition) { api in
            try await api.register(1)
            let enterpriseID = try await enterprise(api, household: 1)
            let applied = try await api.send(
                .post, "/v1/loans", ["enterpriseId": enterpriseID, "amountRupiah": 12_000_000, "termMonths": 12, "appliedOn": "2027-01-05"], expect: .created)
            let id = try #require((applied["loan"] as? [String: Any])?["id"] as? String)
            try await api.send(.post, "/v1/loans/\(id)/disburse", ["disbursedOn": "2027-01-20"], expect: .conflict)
            try await api.send(.post, "/v1/loans/\(id)/approve", ["approvedOn": "2027-01-15", "amountRupiah": 13_000_000], expect: .unprocessableContent)
            try await api.send(.post, "/v1/loans/\(id)/approve", ["approvedOn": "2027-01-15"], expect: .ok)
            try await api.send(.post, "/v1/loans/\(id)/disburse", ["disbursedOn": "2027-01-20"], expect: .ok)
            try await api.send(.post, "/v1/loans/\(id)/repayments", ["paidOn": "2027-02-20", "amountRupiah": 1_000_000], expect: .created)

            // Due by 2027-05-20: four instalments of Rp 1,000,000; one paid, so three behind.
            let may = try await api.send(.get, "/v1/loans/\(id)?asOf=2027-05-20", expect: .ok)
            let position = try #require(may["position"] as? [String: Any])
            #expect(position["instalmentRupiah"] as? Int == 1_000_000)
            #expect(position["dueRupiah"] as? Int == 4_000_000)
            #expect(position["arrearsRupiah"] as? Int == 3_000_000)
            #expect(position["instalmentsInArrears"] as? Int == 3)
            #expect(position["outstandingRupiah"] as? Int == 11_000_000)
            let behind = try await api.send(.get, "/v1/loans?inArrears=true&asOf=2027-05-20", expect: .ok)
            #expect((behind["loans"] as? [Any])?.count == 1)
            let onTime = try await api.send(.get, "/v1/loans?inArrears=true&asOf=2027-02-25", expect: .ok)
            #expect((onTime["loans"] as? [Any])?.count == 0)

            try await api.send(.post, "/v1/loans/\(id)/repayments", ["paidOn": "2027-06-01", "amountRupiah": 11_000_001], expect: .unprocessableContent)
            let repaid = try await api.send(.post, "/v1/loans/\(id)/repayments", ["paidOn": "2027-06-01", "amountRupiah": 11_000_000], expect: .created)
            #expect((repaid["loan"] as? [String: Any])?["status"] as? String == "repaid")
            #expect(try await api.cluster.writtenEventTypes() == ["household.registered", "enrolment.started", "benefit.delivered", "enrolment.ended"])
            let household = try await api.send(.get, "/v1/households/\(kk(1))", expect: .ok)
            #expect((household["enrolments"] as? [[String: Any]])?.first?["endReason"] as? String == "KUR loan repaid")
        }
    }

    @Test("KUR is refused to a very poor household (social aid serves it first); a rejection is kept with its reason")
    func loanRefusals() async throws {
        try await RecordsClient.with(EnterpriseCommand.definition) { api in
            try await api.register(1, baseline: .sangatMiskin)
            let enterpriseID = try await enterprise(api, household: 1)
            for (body, field) in [
                (["enterpriseId": enterpriseID, "amountRupiah": 0, "termMonths": 12, "appliedOn": "2027-01-05"], "amountRupiah"),
                (["enterpriseId": enterpriseID, "amountRupiah": 5_000_000, "termMonths": 61, "appliedOn": "2027-01-05"], "termMonths"),
                (["enterpriseId": enterpriseID, "amountRupiah": "lima juta", "termMonths": 12, "appliedOn": "2027-01-05"], "amountRupiah"),
            ] as [([String: Any], String)] {
                let problem = try await api.send(.post, "/v1/loans", body, expect: .unprocessableContent)
                #expect(problem["field"] as? String == field)
            }
            try await api.send(
                .post, "/v1/loans", ["enterpriseId": UUID().uuidString, "amountRupiah": 5_000_000, "termMonths": 12, "appliedOn": "2027-01-05"], expect: .notFound)
            let applied = try await api.send(
                .post, "/v1/loans", ["enterpriseId": enterpriseID, "amountRupiah": 5_000_000, "termMonths": 12, "appliedOn": "2027-01-05"], expect: .created)
            let id = try #require((applied["loan"] as? [String: Any])?["id"] as? String)
            let refusal = try await api.send(.post, "/v1/loans/\(id)/approve", ["approvedOn": "2027-01-15"], expect: .unprocessableContent)
            #expect(refusal["code"] as? String == "not-eligible")
            let rejected = try await api.send(.post, "/v1/loans/\(id)/reject", ["rejectedOn": "2027-01-15", "reason": "not eligible for KUR"], expect: .ok)
            #expect((rejected["loan"] as? [String: Any])?["status"] as? String == "rejected")
            try await api.send(.post, "/v1/loans/\(id)/approve", ["approvedOn": "2027-01-16"], expect: .conflict)
            try await api.send(.post, "/v1/enterprises", ["kkNumber": kk(1), "ownerNIK": "123", "name": "X", "sector": "trade", "startedOn": "2025-05-01"], expect: .unprocessableContent)
            #expect(try await api.cluster.count("enrolment") == 0)
            #expect(try await api.cluster.writtenEventTypes() == ["household.registered"])
        }
    }

    @Test("attending a training is one session delivered; cooperative members may come from the whole kecamatan")
    func trainingsAndCooperatives() async throws {
        try await RecordsClient.with(EnterpriseCommand.definition) { api in
            try await api.register(1)
            try await api.register(2, desa: "35.09.31.2001")
            let training = try await api.send(
                .post, "/v1/trainings", ["title": "Pembukuan usaha", "sector": "trade", "desaCode": "35.09.31.2006", "heldOn": "2027-03-10"], expect: .created)
            let trainingID = try #require((training["training"] as? [String: Any])?["id"] as? String)
            try await api.send(.post, "/v1/trainings/\(trainingID)/attendance", ["kkNumber": kk(1)], expect: .created)
            try await api.send(.post, "/v1/trainings/\(trainingID)/attendance", ["kkNumber": kk(1)], expect: .conflict)
            let attended = try await api.send(.post, "/v1/trainings/\(trainingID)/attendance", ["kkNumber": kk(2)], expect: .created)
            #expect((attended["attendance"] as? [Any])?.count == 2)
            #expect(try await api.cluster.writtenEventTypes().filter { !$0.hasPrefix("household") }
                == ["enrolment.started", "benefit.delivered", "enrolment.ended", "enrolment.started", "benefit.delivered", "enrolment.ended"])

            let cooperative = try await api.send(
                .post, "/v1/cooperatives", ["kind": "savingsAndLoan", "name": "KSP Sumber Rejeki", "desaCode": "35.09.31.2006", "startedOn": "2020-01-01"],
                expect: .created)
            let id = try #require(cooperative["id"] as? String)
            try await api.send(.post, "/v1/cooperatives/\(id)/members", ["kkNumber": kk(2), "joinedOn": "2027-04-01"], expect: .created)
            let detail = try await api.send(.get, "/v1/cooperatives/\(id)", expect: .ok)
            #expect((detail["members"] as? [[String: Any]])?.first?["kkNumber"] as? String == kk(2))
        }
    }
}
