import EntasDemo
import EntasDomain
import Testing

@Suite struct StreamingTests {
    @Test("200,000 households stream one at a time")
    func twoHundredThousand() {
        let households = DemoFixture.plan.households(seed: 3, extraHouseholds: 200_000 - 12_827)
        #expect(households.count == 200_000)
        var count = 0
        var statuses = [0, 0, 0]
        var last = -1
        for household in households {
            count += 1
            #expect(household.ordinal == last + 1)
            last = household.ordinal
            statuses[household.baselineStatus == .sangatMiskin ? 0 : household.baselineStatus == .miskin ? 1 : 2] += 1
        }
        #expect(count == 200_000)
        #expect(statuses.reduce(0, +) == 200_000 && statuses.allSatisfy { $0 > 10_000 })
    }

    @Test("a phase streamed equals that phase of the action list")
    func phases() {
        let plan = DemoFixture.smallPlan
        let households = plan.households(seed: DemoFixture.seed, scale: 2)
        #expect(households.count == 1_120)
        let actions = plan.actions(for: households)
        var offset = 0
        for phase in DemoPhase.allCases {
            let streamed = Array(plan.actions(for: households, in: phase))
            #expect(!streamed.isEmpty || phase == .graduation)
            let listed = Array(actions[offset..<(offset + streamed.count)])
            #expect(streamed == listed)
            #expect(streamed.allSatisfy { $0.phase == phase })
            offset += streamed.count
        }
        #expect(offset == actions.count)
    }

    @Test("counts agree with the action list")
    func counts() {
        let counts = DemoFixture.plan.actionCounts(seed: DemoFixture.seed)
        #expect(counts.households == 15_307)
        #expect(counts.total == DemoFixture.actions.count)
        for phase in DemoPhase.allCases {
            #expect(counts.count(in: phase) == DemoFixture.actions.filter { $0.phase == phase }.count)
        }
        #expect(counts.referrals == counts.acceptedReferrals + counts.declinedReferrals + counts.openReferrals)
        #expect(counts.followUpEnrolments == counts.acceptedReferrals)
    }
}
