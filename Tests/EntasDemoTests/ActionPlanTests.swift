import EntasDemo
import EntasDomain
import Testing

@Suite struct ActionPlanTests {
    @Test("replaying the plan breaks none of the services' rules")
    func replay() {
        var simulator = ServiceSimulator(households: DemoFixture.byKK)
        for action in DemoFixture.actions { simulator.apply(action) }
        #expect(simulator.breaches.isEmpty, "\(simulator.breaches.prefix(10))")
        #expect(Set(DemoFixture.actions.map(\.phase)) == Set(DemoPhase.allCases))
    }

    @Test("5–10% of households are in conflict, each with two clusters stating different statuses")
    func conflicts() {
        let plans = DemoFixture.plans.values
        let conflicts = plans.filter(\.hasConflict)
        let share = Double(conflicts.count) / Double(plans.count)
        #expect(share >= 0.05 && share <= 0.10)
        for plan in conflicts {
            #expect(Set(plan.assessments.map(\.status)).count >= 2)
            #expect(Set(plan.assessments.map(\.cluster)).count == plan.assessments.count)
        }
        for plan in plans where !plan.hasConflict {
            #expect(Set(plan.assessments.map(\.status)).count <= 1)
        }
    }

    @Test("social aid serves most SM and many M households; planned gaps are SM with nothing at all")
    func coverage() {
        var sm = (total: 0, socialAid: 0)
        var m = (total: 0, socialAid: 0)
        var gaps = 0
        for household in DemoFixture.households {
            guard let plan = DemoFixture.plans[household.kkNumber] else { continue }
            let socialAid = plan.enrollingClusters.contains(.socialAid)
            switch household.baselineStatus {
            case .sangatMiskin:
                sm.total += 1
                sm.socialAid += socialAid ? 1 : 0
                let nothing = plan.enrolments.isEmpty && plan.followUpEnrolments.isEmpty
                #expect(nothing == plan.isGap)
                gaps += plan.isGap ? 1 : 0
            case .miskin:
                m.total += 1
                m.socialAid += socialAid ? 1 : 0
            default:
                #expect(!plan.isGap)
            }
        }
        #expect(Double(sm.socialAid) / Double(sm.total) > 0.85)
        #expect(Double(m.socialAid) / Double(m.total) > 0.6)
        #expect(Double(gaps) / Double(sm.total) > 0.04 && Double(gaps) / Double(sm.total) < 0.15)
    }

    @Test("other clusters enrol smaller shares, every cluster and programme takes part")
    func smallerShares() {
        var perCluster: [Cluster: Int] = [:]
        var programmes = Set<String>()
        for case .enrolment(let enrolment) in DemoFixture.actions {
            perCluster[enrolment.cluster, default: 0] += 1
            programmes.insert(enrolment.programme)
        }
        let socialAid = perCluster[.socialAid] ?? 0
        for cluster in [Cluster.communityEmpowerment, .enterprise, .lowCost] {
            #expect((perCluster[cluster] ?? 0) > 100)
            #expect((perCluster[cluster] ?? 0) * 4 < socialAid)
        }
        #expect(programmes == Set(DemoProgrammes.all.map(\.code)))
    }

    @Test("deliveries, referrals (accepted, declined, open) and graduations all happen")
    func cycle() {
        let counts = DemoFixture.plan.actionCounts(seed: DemoFixture.seed)
        #expect(counts.deliveries > counts.enrolments / 5)
        #expect(counts.acceptedReferrals > 0 && counts.declinedReferrals > 0 && counts.openReferrals > 0)
        #expect(counts.graduatedHouseholds > 100)
        let pairs = Set(DemoFixture.actions.compactMap { action -> [Cluster]? in
            guard case .referral(let referral) = action else { return nil }
            return [referral.fromCluster, referral.toCluster]
        })
        #expect(pairs.count >= 3 && pairs.allSatisfy { $0[0] != $0[1] })
        var periods = Set<String>()
        for case .delivery(let delivery) in DemoFixture.actions { periods.insert(delivery.period.description) }
        #expect(periods.contains("2026-Q1") && periods.contains("2025-Q3"))
    }

    @Test("a graduating household graduates from every cluster that assessed or enrolled it")
    func graduations() {
        for plan in DemoFixture.plans.values where !plan.graduations.isEmpty {
            #expect(plan.trajectory == .graduating && !plan.hasConflict)
            let touched = Set(plan.assessments.map(\.cluster)).union(plan.enrollingClusters)
            #expect(Set(plan.graduations.map(\.cluster)) == touched)
        }
    }

    @Test("the actions' routes name the performing service's endpoints")
    func routes() {
        for action in DemoFixture.actions.prefix(1) {
            #expect(action.route == "POST /v1/households/\(action.kkNumber)/assessments")
        }
        let answer = DemoFixture.actions.first { $0.kind == .referralAnswer }
        if case .referralAnswer(let payload)? = answer {
            #expect(answer?.cluster == payload.toCluster)
            #expect(answer?.route.hasPrefix("POST /v1/referrals/{referralID}/") == true)
        }
    }
}
