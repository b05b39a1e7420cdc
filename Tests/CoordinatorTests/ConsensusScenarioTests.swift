import EntasDomain
import EntasStore
import Foundation
import GRDB
import Testing

@testable import Coordinator
import EntasTestKit

/// A scripted story across two kecamatan of Jember (Sumberjambe 35.09.31, Silo 35.09.30) and Kabupaten
/// Malang (35.07), applied through the inbox as the subscription would.
@Suite(.english) struct ConsensusScenarioTests {
    static let sumberjambe = "35.09.31.2006"  // desa Sumberjambe, kecamatan Sumberjambe
    static let plerean = "35.09.31.2001"  // desa Plerean, kecamatan Sumberjambe
    static let silo = "35.09.30.2004"  // desa Silo, kecamatan Silo
    static let tulungrejo = "35.07.01.2001"  // Kabupaten Malang

    @Test("consensus, conflicts, gaps, coverage and graduation across clusters and regions")
    func scenario() async throws {
        try await withReadModel { pool, model, _ in
            var story = try Story(pool: pool, model: model)
            try await story.scriptTheYear()
            try await story.enrolledBeforeRegistered()
            try await story.consensusOfEachHousehold()
            try await story.conflictsOfDisagreeingClusters()
            try await story.gapsWithoutSocialAid()
            try await story.tieSettledByEnrolmentAndAgreement()
            try await story.totalsAtEveryLevel()
            try await story.graduationProgressAndStrategies()
            try await expectConsistent(pool)
        }
    }

    /// The households of the story, the events scripted for them, and the read model they are applied to.
    struct Story {
        let pool: DatabasePool
        let model: CoordinatorReadModel
        let queries: CoordinatorQueries
        var script = EventScript()
        let majority, tie, baselineOnly, single, graduating, malang, early: TestHousehold
        let jember: RegionCode

        init(pool: DatabasePool, model: CoordinatorReadModel) throws {
            self.pool = pool
            self.model = model
            queries = CoordinatorQueries(pool)
            majority = try TestHousehold(1, in: ConsensusScenarioTests.sumberjambe)
            tie = try TestHousehold(2, in: ConsensusScenarioTests.sumberjambe)
            baselineOnly = try TestHousehold(3, in: ConsensusScenarioTests.plerean)
            single = try TestHousehold(4, in: ConsensusScenarioTests.plerean)
            graduating = try TestHousehold(5, in: ConsensusScenarioTests.silo)
            malang = try TestHousehold(6, in: ConsensusScenarioTests.tulungrejo)
            early = try TestHousehold(7, in: ConsensusScenarioTests.sumberjambe)
            jember = try RegionCode("35.09")
        }

        /// Applies what was scripted since the last call, through the inbox as the subscription would.
        mutating func apply() async throws {
            try await applyThroughInbox(script.takeNew(), model, pool)
        }

        func status(of household: TestHousehold) async throws -> PovertyStatus? {
            try await queries.household(kk: household.kk, key: testSecret)?.consensusStatus
        }

        /// Registrations, assessments, an enrolment with deliveries and graduations, early in the year.
        mutating func scriptTheYear() async throws {
            // Majority: two clusters say SM, one says M → SM; SM with no enrolment at all.
            try script.register(majority, baseline: .miskin)
            try script.assess(majority, .sangatMiskin, by: .socialAid, on: "2027-01-10")
            try script.assess(majority, .sangatMiskin, by: .communityEmpowerment, on: "2027-01-11")
            try script.assess(majority, .miskin, by: .enterprise, on: "2027-01-12")
            // Tie: M against HM → M (more severe); no social aid → a gap.
            try script.register(tie, baseline: .sangatMiskin)
            try script.assess(tie, .miskin, by: .socialAid, on: "2027-01-10")
            try script.assess(tie, .hampirMiskin, by: .enterprise, on: "2027-01-10")
            // No assessment: the baseline.
            try script.register(baselineOnly, baseline: .hampirMiskin)
            // One assessment, no registered baseline: that one, which is also the baseline.
            try script.register(single, baseline: nil, by: .lowCost)
            try script.assess(single, .tidakMiskin, by: .lowCost, on: "2027-01-15")
            // SM, covered by social aid, then graduated by two clusters in June.
            try script.register(graduating, baseline: .sangatMiskin)
            try script.assess(graduating, .sangatMiskin, by: .socialAid, on: "2027-01-10")
            let pkh = try script.enrol(graduating, in: .socialAid, on: "2027-02-01")
            try script.deliver(graduating, enrolment: pkh, by: .socialAid, rupiah: 750_000, on: "2027-03-15")
            try script.deliver(graduating, enrolment: pkh, by: .socialAid, rupiah: 750_000, on: "2027-04-15")
            try script.graduate(graduating, by: .socialAid, on: "2027-06-10")
            try script.graduate(graduating, by: .enterprise, on: "2027-06-20")
            // Malang: M, enrolled by enterprise only → still a gap (no social aid), but not uncovered.
            try script.register(malang, baseline: .miskin)
            try script.assess(malang, .miskin, by: .socialAid, on: "2027-01-20")
            try script.enrol(
                malang, in: .enterprise, programme: "kur", strategy: .inclusiveDevelopment, on: "2027-02-01")
            // Known first from an enrolment, registered later.
            try script.enrol(
                early, in: .communityEmpowerment, programme: "kube", strategy: .communityEmpowerment, on: "2027-01-20")
            try await apply()
        }

        /// A household known first from an enrolment, registered later.
        mutating func enrolledBeforeRegistered() async throws {
            let beforeRegistration = try #require(try await queries.household(kk: early.kk, key: testSecret))
            #expect(beforeRegistration.desa.code == (try RegionCode(ConsensusScenarioTests.sumberjambe)))
            #expect(beforeRegistration.registeredAt == nil)
            #expect(beforeRegistration.consensusStatus == nil)
            #expect(beforeRegistration.coveredBy == [.communityEmpowerment])

            try script.register(early, baseline: .hampirMiskin, by: .communityEmpowerment)
            try await apply()
        }

        /// Majority, tie to the more severe, baseline only, a single assessment, graduation.
        func consensusOfEachHousehold() async throws {
            #expect(try await status(of: majority) == .sangatMiskin)
            #expect(try await status(of: tie) == .miskin)
            #expect(try await status(of: baselineOnly) == .hampirMiskin)
            #expect(try await status(of: single) == .tidakMiskin)
            #expect(try await status(of: graduating) == .graduated)
            #expect(try await status(of: malang) == .miskin)
            let registered = try #require(try await queries.household(kk: early.kk, key: testSecret))
            #expect(registered.consensusStatus == .hampirMiskin)
            #expect(registered.registeredBy == .communityEmpowerment)
            #expect(registered.baselineSource == .registration)
            let singleDetail = try #require(try await queries.household(kk: single.kk, key: testSecret))
            #expect(singleDetail.baselineStatus == .tidakMiskin)
            #expect(singleDetail.baselineSource == .assessment)
        }

        /// The majority household (SM/SM/M) and the tie (M/HM).
        func conflictsOfDisagreeingClusters() async throws {
            let conflicts = try await queries.conflicts(region: jember)
            #expect(conflicts.total == 2)
            #expect(Set(conflicts.items.map(\.key)) == [model.key(for: majority.kk), model.key(for: tie.kk)])
            let tieConflict = try #require(conflicts.items.first { $0.key == model.key(for: tie.kk) })
            #expect(tieConflict.assessments.map(\.cluster) == [.socialAid, .enterprise])
            #expect(tieConflict.assessments.map(\.status) == [.miskin, .hampirMiskin])
            #expect(tieConflict.maskedKK == tie.kk.masked)
        }

        /// Majority (SM, uncovered), tie (M) in Jember; Malang (M, enterprise only) in the province.
        func gapsWithoutSocialAid() async throws {
            let jemberGaps = try await queries.gaps(region: jember)
            #expect(jemberGaps.total == 2)
            let uncovered = try #require(jemberGaps.items.first { $0.key == model.key(for: majority.kk) })
            #expect(uncovered.uncovered && uncovered.consensusStatus == .sangatMiskin && uncovered.coveredBy.isEmpty)
            let province = try await queries.gaps(region: .eastJava)
            #expect(province.total == 3)
            let malangGap = try #require(province.items.first { $0.key == model.key(for: malang.kk) })
            #expect(!malangGap.uncovered && malangGap.coveredBy == [.enterprise])
            #expect(try await queries.gaps(region: .eastJava, status: .sangatMiskin).total == 1)
            #expect(try await queries.gaps(region: .eastJava, cluster: .enterprise).total == 2)
        }

        /// The tie's gap closes with a social-aid enrolment; its conflict clears when enterprise agrees.
        mutating func tieSettledByEnrolmentAndAgreement() async throws {
            try script.enrol(tie, in: .socialAid, programme: "pkh", on: "2027-03-01")
            try script.assess(tie, .miskin, by: .enterprise, on: "2027-03-05")
            try await apply()
            #expect(try await queries.gaps(region: jember).items.map(\.key) == [model.key(for: majority.kk)])
            #expect(try await queries.conflicts(region: jember).items.map(\.key) == [model.key(for: majority.kk)])
            #expect(try await status(of: tie) == .miskin)
        }

        /// Totals of the province, Jember and kecamatan Sumberjambe.
        func totalsAtEveryLevel() async throws {
            let overview = try await queries.overview(region: .eastJava, depth: 1)
            #expect(overview.region.totals.households == 7)
            #expect(overview.regions.map(\.code) == [try RegionCode("35.07"), jember])
            let jemberTotals = try #require(overview.regions.last?.totals)
            #expect(jemberTotals.households == 6)
            #expect(jemberTotals.sangatMiskin == 1 && jemberTotals.miskin == 1 && jemberTotals.hampirMiskin == 2)
            #expect(jemberTotals.tidakMiskin == 1 && jemberTotals.graduated == 1 && jemberTotals.unassessed == 0)
            #expect(jemberTotals.baselineSangatMiskin == 2 && jemberTotals.baselineMiskin == 1)
            #expect(jemberTotals.baselineHampirMiskin == 2)
            #expect(jemberTotals.coveredSocialAid == 2 && jemberTotals.coveredCommunityEmpowerment == 1)
            #expect(jemberTotals.coveredAny == 3 && jemberTotals.gaps == 1 && jemberTotals.conflicts == 1)
            let desa = try await queries.overview(region: try RegionCode("35.09.31"), depth: 1)
            #expect(desa.region.totals.households == 5)
            #expect(desa.regions.map(\.name) == ["Plerean", "Sumberjambe"])
            #expect(desa.regions.map(\.totals.households) == [2, 3])
        }

        /// Graduation in the progress of kecamatan Silo; strategies; freshness.
        func graduationProgressAndStrategies() async throws {
            // SM from its PPLS 2008 baseline on (registered in January), graduated from June.
            let progress = try await queries.progress(
                region: try RegionCode("35.09.30"), from: try CalendarMonth("2026-12"), to: try CalendarMonth("2027-07")
            )
            #expect(progress.months.count == 8)
            #expect(progress.months.map(\.sangatMiskin) == [1, 1, 1, 1, 1, 1, 0, 0])
            #expect(progress.months.map(\.graduated) == [0, 0, 0, 0, 0, 0, 1, 1])
            #expect(progress.region.totals.baselineSangatMiskin == 1)

            let strategies = try await queries.strategies(region: jember)
            let socialProtection = try #require(strategies.rows.first { $0.cluster == .socialAid })
            #expect(socialProtection.activeEnrolments == 2 && socialProtection.enrolmentsStarted == 2)
            #expect(socialProtection.deliveries == 2 && socialProtection.deliveredRupiah == 1_500_000)

            let freshness = try await queries.freshness()
            #expect(freshness.eventsApplied == script.events.count)
            #expect(freshness.lastEventTime == script.events.last?.time)
        }
    }
}
