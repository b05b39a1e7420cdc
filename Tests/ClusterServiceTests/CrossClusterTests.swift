import EntasTestKit
import EntasDomain
import EntasKafka
import EntasCluster
import EntasService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Enterprise
@testable import SocialAid

@Suite("Two clusters through Kafka", .timeLimit(.minutes(2)), .english)
struct CrossClusterTests {
    @Test("a household registered at social aid appears at UMKM with its members (NIKs masked there); a referral is accepted there and both sides see it")
    func referralRoundTrip() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        for topic in EntasTopic.allCases { try kafka.createTopic(topic.rawValue, partitions: 2) }
        let (socialAid, socialAidApp) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        let (umkm, umkmApp) = try await TestCluster.make(EnterpriseCommand.definition, kafka: kafka)
        defer {
            socialAid.remove()
            umkm.remove()
        }
        let registration = try HouseholdRegistration.sample(21, criteria: 8, baseline: .hampirMiskin, withMembers: true)
        let household = Fixture.json(registration)
        let kk = "3509310000000021"
        try await socialAidApp.test(.live) { socialAidClient in
            try await umkmApp.test(.live) { umkmClient in
                try await socialAidClient.execute(uri: "/v1/households", method: .post, headers: socialAid.authorization, body: household) {
                    #expect($0.status == .created)
                }
                try await eventually("UMKM learns of the household") {
                    try await umkmClient.execute(uri: "/v1/households/\(kk)", method: .get, headers: umkm.authorization).status == .ok
                }
                // The members came with it, their NIKs masked at UMKM as the head's; in full at social aid.
                let replicated = try await umkmClient.execute(uri: "/v1/households/\(kk)", method: .get, headers: umkm.authorization) {
                    Fixture.object($0.body)
                }
                let members = replicated["members"] as? [[String: Any]] ?? []
                #expect(members.map { $0["nik"] as? String } == registration.members?.map { .some($0.nik.masked) }, "\(members)")
                #expect(members.map { $0["name"] as? String } == registration.members?.map { .some($0.name) })
                let own = try await socialAidClient.execute(uri: "/v1/households/\(kk)", method: .get, headers: socialAid.authorization) {
                    Fixture.object($0.body)
                }
                #expect((own["members"] as? [[String: Any]])?.map { $0["nik"] as? String } == registration.members?.map { .some($0.nik.rawValue) })
                var referralID = ""
                try await socialAidClient.execute(
                    uri: "/v1/referrals", method: .post, headers: socialAid.authorization,
                    body: Fixture.json(["kkNumber": kk, "toCluster": "enterprise", "reason": "productive near-poor household; candidate for KUR"])
                ) { response in
                    #expect(response.status == .created)
                    referralID = Fixture.object(response.body)["id"] as? String ?? ""
                }
                try await eventually("UMKM lists the referral") {
                    let body = try await umkmClient.execute(uri: "/v1/referrals/incoming?open=true", method: .get, headers: umkm.authorization).body
                    return (Fixture.object(body)["referrals"] as? [Any])?.count == 1
                }
                try await socialAidClient.execute(uri: "/v1/referrals/\(referralID)/accept", method: .post, headers: socialAid.authorization) { response in
                    #expect(response.status == .forbidden, "only the cluster referred to can answer")
                }
                try await umkmClient.execute(
                    uri: "/v1/referrals/\(referralID)/accept", method: .post, headers: umkm.authorization,
                    body: Fixture.json(["note": "enrolled for KUR screening"])
                ) { response in
                    #expect(response.status == .ok)
                    #expect(Fixture.object(response.body)["outcome"] as? String == "accepted")
                }
                try await eventually("social aid sees the answer") {
                    let body = try await socialAidClient.execute(uri: "/v1/referrals/outgoing", method: .get, headers: socialAid.authorization).body
                    let referrals = Fixture.object(body)["referrals"] as? [[String: Any]] ?? []
                    return referrals.first?["outcome"] as? String == "accepted"
                }
                try await umkmClient.execute(
                    uri: "/v1/enrolments", method: .post, headers: umkm.authorization,
                    body: Fixture.json(["kkNumber": kk, "programme": "kur", "startedOn": "2026-03-01"])
                ) { response in
                    #expect(response.status == .created, "UMKM serves a household another agency found")
                }
                try await socialAid.waitForOutbox()
                try await umkm.waitForOutbox()
            }
        }
    }
}
