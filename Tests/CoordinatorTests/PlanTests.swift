import EntasAPI
import EntasDomain
import EntasStore
import Foundation
import GRDB
import Testing

@testable import Coordinator
import EntasTestKit

@Suite("The plan: need, commitments and the SM shortfall", .english)
struct PlanTests {
    /// Kabupaten Jember: Sumberjambe (desa Sumberjambe 6 SM 2 M, desa Plerean 3 SM 1 M), Silo (desa Silo 4 SM
    /// 2 M) and Jombang (desa Padomasan 2 SM, no commitments): 15 SM and 5 M. One SM household of desa
    /// Sumberjambe has PKH. The commitments for 2027 (the hand counts in the tests below follow from them):
    ///
    /// | cluster | programme | region | period | households | deliveries | rupiah |
    /// | --- | --- | --- | --- | --- | --- | --- |
    /// | social aid | pkh | kecamatan Sumberjambe | 2027 | 5 | 20 | 15,000,000 |
    /// | social aid | pkh | desa Sumberjambe | 2027 | 4 | 16 | 12,000,000 |
    /// | social aid | rastra | desa Sumberjambe | 2027 | 8 | 96 | 8,000,000 |
    /// | social aid | rastra | desa Sumberjambe | 2027-Q2 | 10 | 30 | 3,000,000 |
    /// | social aid | pip | kabupaten Jember | 2027 | 2 | 2 | 1,800,000 |
    /// | empowerment | ksm | kecamatan Silo | 2027 | 3, revised to 6 | 0 | 0 |
    /// | low cost | rtlh | desa Plerean | 2027 | 1 | 1 | 17,500,000 |
    /// | social aid | pkh | kecamatan Sumberjambe | 2028 | 9 (another year: left out) | | |
    static func jember() throws -> [EventEnvelope] {
        var script = EventScript()
        var number = 0
        func households(_ count: Int, _ status: PovertyStatus, in desa: String) throws -> [TestHousehold] {
            try (0..<count).map { _ in
                number += 1
                let household = try TestHousehold(number, in: desa)
                try script.register(household, baseline: status)
                return household
            }
        }
        let sumberjambe = try households(6, .sangatMiskin, in: "35.09.31.2006")
        _ = try households(2, .miskin, in: "35.09.31.2006")
        _ = try households(3, .sangatMiskin, in: "35.09.31.2001")
        _ = try households(1, .miskin, in: "35.09.31.2001")
        _ = try households(4, .sangatMiskin, in: "35.09.30.2004")
        _ = try households(2, .miskin, in: "35.09.30.2004")
        _ = try households(2, .sangatMiskin, in: "35.09.01.2001")
        try script.enrol(sumberjambe[0], in: .socialAid, on: "2027-01-15")

        try script.commit(.socialAid, "pkh", .socialProtection, region: "35.09.31", households: 5, deliveries: 20, rupiah: 15_000_000)
        try script.commit(.socialAid, "pkh", .socialProtection, region: "35.09.31.2006", households: 4, deliveries: 16, rupiah: 12_000_000)
        try script.commit(.socialAid, "rastra", .socialProtection, region: "35.09.31.2006", households: 8, deliveries: 96, rupiah: 8_000_000)
        try script.commit(.socialAid, "rastra", .socialProtection, region: "35.09.31.2006", period: "2027-Q2", households: 10, deliveries: 30, rupiah: 3_000_000)
        try script.commit(.socialAid, "pip", .basicServices, region: "35.09", households: 2, deliveries: 2, rupiah: 1_800_000)
        let ksm = try script.commit(.communityEmpowerment, "ksm", .communityEmpowerment, region: "35.09.30", households: 3)
        try script.commit(.communityEmpowerment, "ksm", .communityEmpowerment, region: "35.09.30", households: 6, madeOn: "2027-02-01", revising: ksm)
        try script.commit(.lowCost, "rtlh", .basicServices, region: "35.09.31.2001", households: 1, deliveries: 1, rupiah: 17_500_000)
        try script.commit(.socialAid, "pkh", .socialProtection, region: "35.09.31", period: "2028", households: 9)
        return script.events
    }

    static func withPlan(_ body: (CoordinatorQueries, DatabasePool) async throws -> Void) async throws {
        try await withReadModel { pool, model, _ in
            try await applyThroughInbox(try jember(), model, pool)
            _ = try await TargetStore(writer: pool, reference: .eastJava).set(
                TargetRequest(regionCode: .eastJava, year: 2027, smRemaining: 0, socialAidCoverage: 80), by: "bappeda")
            try await body(CoordinatorQueries(pool), pool)
        }
    }

    @Test("at kabupaten level: 15 SM, 11 covered (the kecamatan's commitments, not Jember's smaller one), 4 short; regions by shortfall")
    func kabupaten() async throws {
        try await Self.withPlan { queries, _ in
            let plan = try await queries.plan(region: try RegionCode("35.09"), period: try Period("2027"))
            #expect(plan.need == PlanNeed(sangatMiskin: 15, miskin: 5, hampirMiskin: 0, baselineSangatMiskin: 15, gaps: 19))
            #expect(plan.shortfall == PlanShortfall(need: 15, covered: 11, short: 4))
            #expect(plan.commitments.count == 7, "the 2028 commitment is left out; the revision replaces the original")
            #expect(plan.commitments.first { $0.programme == "ksm" }?.households == 6)
            #expect(plan.regions.map { "\($0.code.dotted) \($0.sangatMiskin) \($0.covered) \($0.short)" } == [
                "35.09.01 2 0 2", "35.09.31 9 7 2", "35.09.30 4 4 0",
            ])
            let clusters = Dictionary(uniqueKeysWithValues: plan.clusters.compactMap { line in line.cluster.map { ($0, line) } })
            // Social aid: pkh 5 (kecamatan over its desa's 4), rastra 10 (the quarter's 10 over the year's 8), pip 2.
            #expect(clusters[.socialAid]?.committed == CommittedFigures(households: 17, deliveries: 20 + 126 + 2, budgetRupiah: 15_000_000 + 11_000_000 + 1_800_000))
            #expect(clusters[.socialAid]?.coveredSangatMiskin == 6)
            #expect(clusters[.socialAid]?.shortSangatMiskin == 9)
            #expect(clusters[.communityEmpowerment]?.committed.households == 6)
            #expect(clusters[.communityEmpowerment]?.coveredSangatMiskin == 4, "Silo has 4 SM households")
            #expect(clusters[.lowCost]?.coveredSangatMiskin == 1)
            #expect(clusters[.enterprise] == nil)
            let strategies = Dictionary(uniqueKeysWithValues: plan.strategies.compactMap { line in line.strategy.map { ($0, line) } })
            #expect(strategies[.socialProtection]?.coveredSangatMiskin == 6)
            #expect(strategies[.basicServices]?.coveredSangatMiskin == 2, "Jember's pip (2) over Plerean's rtlh (1)")
            #expect(strategies[.basicServices]?.shortSangatMiskin == 13)
            #expect(strategies[.communityEmpowerment]?.coveredSangatMiskin == 4)
            #expect(plan.target.smRemaining == 0 && plan.target.smRemainingFrom == .eastJava)
            // Social aid coverage: 80% of 20 SM and M households is 16; social aid committed 8 (desa Sumberjambe's
            // rastra 10, capped by its 8 SM and M; more than the kecamatan's pkh 5 and Jember's pip 2); 1 has PKH now.
            #expect(plan.socialAidCoverage == PlanCoverage(targetPercent: 80, households: 20, required: 16, committed: 8, coveredNow: 1, short: 8))
        }
    }

    @Test("at kecamatan level: 9 SM, 7 covered, 2 short (Plerean's); the kabupaten's commitment is not divided among its parts")
    func kecamatan() async throws {
        try await Self.withPlan { queries, _ in
            let plan = try await queries.plan(region: try RegionCode("35.09.31"), period: try Period("2027"))
            #expect(plan.shortfall == PlanShortfall(need: 9, covered: 7, short: 2))
            #expect(plan.regions.map { "\($0.code.dotted) \($0.sangatMiskin) \($0.covered) \($0.short)" } == [
                "35.09.31.2001 3 1 2", "35.09.31.2006 6 6 0",
            ])
            #expect(Set(plan.commitments.map(\.programme)) == ["pkh", "rastra", "rtlh"])
            let socialAid = try #require(plan.clusters.first { $0.cluster == .socialAid })
            #expect(socialAid.committed == CommittedFigures(households: 15, deliveries: 146, budgetRupiah: 26_000_000))
            // 80% of 12 SM and M households, rounded up: 10; social aid committed 8 (desa Sumberjambe's 10, capped at its 8).
            #expect(plan.socialAidCoverage == PlanCoverage(targetPercent: 80, households: 12, required: 10, committed: 8, coveredNow: 1, short: 2))
        }
    }

    @Test("at desa level: a surplus covers only the desa's own SM households; a quarter overlaps its year")
    func desa() async throws {
        try await Self.withPlan { queries, _ in
            let sumberjambe = try await queries.plan(region: try RegionCode("35.09.31.2006"), period: try Period("2027"))
            #expect(sumberjambe.shortfall == PlanShortfall(need: 6, covered: 6, short: 0))
            #expect(sumberjambe.regions.isEmpty)
            let plerean = try await queries.plan(region: try RegionCode("35.09.31.2001"), period: try Period("2027"))
            #expect(plerean.shortfall == PlanShortfall(need: 3, covered: 1, short: 2))
            let quarter = try await queries.plan(region: try RegionCode("35.09.31.2006"), period: try Period("2027-Q3"))
            #expect(quarter.commitments.map(\.period.description).sorted() == ["2027", "2027"], "Q2's commitment does not overlap Q3")
            let nothing = try await queries.plan(region: try RegionCode("35.09.01.2001"), period: try Period("2027"))
            #expect(nothing.shortfall == PlanShortfall(need: 2, covered: 0, short: 2))
            #expect(nothing.clusters.isEmpty && nothing.commitments.isEmpty)
        }
    }

    @Test("the roll-up: the larger of a region's own commitment and its parts', capped by each region's need")
    func rollUp() throws {
        func commitment(_ region: String, _ households: Int, deliveries: Int = 0) throws -> CommitmentView {
            CommitmentView(
                commitmentID: UUID(), cluster: .socialAid, regionCode: try RegionCode(region), regionName: region, period: try Period("2027"),
                programme: "pkh", strategy: .socialProtection, households: households, deliveries: deliveries, budgetRupiah: 0,
                madeOn: try CalendarDate("2026-11-02"), revision: 1, earlierRevisions: [])
        }
        let commitments = [
            try commitment("35.09.31", 10, deliveries: 40), try commitment("35.09.31.2006", 8, deliveries: 30),
            try commitment("35.09.31.2001", 5, deliveries: 20), try commitment("35.09.31.2001", 7, deliveries: 1), try commitment("35.09.30", 3),
        ]
        let root = try RegionCode("35.09")
        let plain = CommitmentRollUp.rollUp(commitments, to: root)
        #expect(plain[try RegionCode("35.09.31.2001")] == CommittedFigures(households: 7, deliveries: 21))
        #expect(plain[try RegionCode("35.09.31")] == CommittedFigures(households: 15, deliveries: 51))
        #expect(plain[root] == CommittedFigures(households: 18, deliveries: 51))
        let capped = CommitmentRollUp.rollUp(commitments, to: root) { $0.level == .desa ? 4 : nil }
        #expect(capped[try RegionCode("35.09.31")]?.households == 10, "two desa capped at 4 each: 8, under the kecamatan's own 10")
        #expect(capped[root]?.households == 13)
    }

    @Test("the example of the programme's guide: 1,485 SM households in Sumberjambe, 1,200 PKH places committed, 285 short")
    func sumberjambeExample() async throws {
        var script = EventScript()
        let desa = ["35.09.31.2001", "35.09.31.2006"]
        for number in 1...1_485 { try script.register(try TestHousehold(number, in: desa[number % 2]), baseline: .sangatMiskin) }
        try script.commit(.socialAid, "pkh", .socialProtection, region: "35.09.31", households: 1_200, deliveries: 4_800, rupiah: 3_600_000_000)
        try await withReadModel { pool, model, _ in
            try await applyThroughInbox(script.events, model, pool)
            let plan = try await CoordinatorQueries(pool).plan(region: try RegionCode("35.09.31"), period: try Period("2027"))
            #expect(plan.need.sangatMiskin == 1_485)
            #expect(plan.shortfall == PlanShortfall(need: 1_485, covered: 1_200, short: 285))
        }
    }
}
