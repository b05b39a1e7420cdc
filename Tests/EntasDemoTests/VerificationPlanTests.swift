import EntasDemo
import EntasDomain
import Testing

@Suite("The demo's verifikasi dan validasi")
struct VerificationPlanTests {
    @Test("the same seed verifies and reopens the same households, about 3 in 5 verified and 1 in 6 of those reopened, on dated days")
    func outcomes() throws {
        let households = DemoFixture.sumberjambe
        let outcomes = households.map { DemoVerification.outcome(kkNumber: $0.kkNumber, seed: DemoFixture.seed) }
        #expect(outcomes == households.map { DemoVerification.outcome(kkNumber: $0.kkNumber, seed: DemoFixture.seed) })
        #expect(outcomes != households.map { DemoVerification.outcome(kkNumber: $0.kkNumber, seed: DemoFixture.seed + 1) })
        let verified = outcomes.filter { $0.verifiedOn != nil }
        let reopened = verified.filter { $0.revisitedOn != nil }
        let verifiedShare = Double(verified.count) / Double(outcomes.count)
        let reopenedShare = Double(reopened.count) / Double(verified.count)
        #expect((0.57...0.63).contains(verifiedShare))
        #expect((0.14...0.19).contains(reopenedShare))
        #expect(outcomes.allSatisfy { $0.verifiedOn != nil || $0.revisitedOn == nil })
        for outcome in reopened {
            let (verifiedOn, revisitedOn) = (try #require(outcome.verifiedOn), try #require(outcome.revisitedOn))
            #expect(verifiedOn > DemoVerification.assignedOn && revisitedOn > verifiedOn)
        }
        #expect(DemoVerification.minutes(desa: try RegionCode("35.09.31.2006"), number: 14) == "BA-MUSDES/35.09.31.2006/2026/014")
    }
}
