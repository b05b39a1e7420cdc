import EntasDomain
import EntasStore
import Foundation
import GRDB
import Testing

@testable import Coordinator
import EntasTestKit

@Suite(.english) struct HouseholdMoveTests {
    @Test("household.updated to another desa moves its counts, coverage and progress; facts stay put")
    func moveAcrossKabupaten() async throws {
        try await withReadModel { pool, model, _ in
            var household = try TestHousehold(21, in: "35.09.31.2006")
            let neighbour = try TestHousehold(22, in: "35.09.31.2006")
            var script = EventScript()
            try script.register(household, baseline: .sangatMiskin)
            try script.register(neighbour, baseline: .miskin)
            try script.assess(household, .sangatMiskin, by: .socialAid, on: "2027-01-10")
            let pkh = try script.enrol(household, in: .socialAid, on: "2027-02-01")
            try script.deliver(household, enrolment: pkh, by: .socialAid, rupiah: 600_000, on: "2027-02-15")
            try await applyThroughInbox(script.takeNew(), model, pool)

            let queries = CoordinatorQueries(pool)
            let sumberjambe = try RegionCode("35.09.31.2006")
            let malang = try RegionCode("35.07")
            #expect(try await queries.overview(region: sumberjambe, depth: 0).region.totals.households == 2)

            script.move(&household, to: try RegionCode("35.07.01.2001"))
            try await applyThroughInbox(script.takeNew(), model, pool)

            let left = try await queries.overview(region: sumberjambe, depth: 0).region.totals
            #expect(left.households == 1 && left.sangatMiskin == 0 && left.miskin == 1)
            #expect(left.coveredSocialAid == 0 && left.baselineSangatMiskin == 0)
            let jember = try await queries.overview(region: try RegionCode("35.09"), depth: 0).region.totals
            #expect(jember.households == 1)
            let arrived = try await queries.overview(region: malang, depth: 2).regions
            #expect(arrived.map(\.code) == [try RegionCode("35.07.01.2001")])
            #expect(arrived.first?.totals.sangatMiskin == 1 && arrived.first?.totals.coveredSocialAid == 1)
            #expect(try await queries.overview(region: .eastJava, depth: 0).region.totals.households == 2)

            // Coverage moves with the household; the start and the delivery stay where they happened.
            let jemberStrategy = try #require(try await queries.strategies(region: try RegionCode("35.09")).rows.first)
            #expect(jemberStrategy.activeEnrolments == 0 && jemberStrategy.enrolmentsStarted == 1)
            #expect(jemberStrategy.deliveries == 1 && jemberStrategy.deliveredRupiah == 600_000)
            let malangStrategy = try #require(try await queries.strategies(region: malang).rows.first)
            #expect(malangStrategy.activeEnrolments == 1 && malangStrategy.enrolmentsStarted == 0)

            // The status history moves too: Malang had an SM household since January.
            let progress = try await queries.progress(
                region: malang, from: try CalendarMonth("2027-01"), to: try CalendarMonth("2027-02"))
            #expect(progress.months.map(\.sangatMiskin) == [1, 1])
            let old = try await queries.progress(
                region: try RegionCode("35.09"), from: try CalendarMonth("2027-01"), to: try CalendarMonth("2027-02"))
            #expect(old.months.map(\.sangatMiskin) == [0, 0])
            #expect(old.months.map(\.miskin) == [1, 1])

            let detail = try #require(try await queries.household(kk: household.kk, key: testSecret))
            #expect(detail.kabupaten.name == "Kabupaten Malang")
            #expect(detail.history.map(\.summary).contains("updated by socialAid: desaCode 35.07.01.2001"))
            try await expectConsistent(pool)
        }
    }

    @Test("a late registration does not move a household back from a later move")
    func lateRegistration() async throws {
        var household = try TestHousehold(23, in: "35.09.31.2006")
        var script = EventScript()
        try script.register(household, baseline: .miskin)
        script.move(&household, to: try RegionCode("35.09.30.2004"))
        try script.assess(household, .miskin, by: .socialAid, on: "2027-02-01")
        for order in [script.events, script.events.reversed()] {
            try await withReadModel { pool, model, _ in
                try await applyAll(order, model, pool)
                let detail = try await CoordinatorQueries(pool).household(kk: household.kk, key: testSecret)
                #expect(detail?.desa.code == (try RegionCode("35.09.30.2004")))
                #expect(detail?.registeredBy == .socialAid)
                try await expectConsistent(pool)
            }
        }
    }

    @Test("another event's desa places a household only until a registration or update says where it lives")
    func provisionalLocation() async throws {
        let household = try TestHousehold(24, in: "35.09.31.2006")
        var script = EventScript()
        try script.register(household, baseline: .miskin)
        var elsewhere = household
        elsewhere.desa = try RegionCode("35.09.01.2001")
        try script.assess(elsewhere, .miskin, by: .enterprise, on: "2027-02-01")
        for order in [script.events, script.events.reversed()] {
            try await withReadModel { pool, model, _ in
                try await applyAll(order, model, pool)
                let detail = try await CoordinatorQueries(pool).household(kk: household.kk, key: testSecret)
                #expect(detail?.desa.code == (try RegionCode("35.09.31.2006")))
                try await expectConsistent(pool)
            }
        }
    }

    @Test("a delivery or a referral naming another desa moves a household known only from such events, with its coverage; its views stay")
    func deliveryMovesUnregisteredHousehold() async throws {
        try await withReadModel { pool, model, _ in
            var household = try TestHousehold(31, in: "35.09.31.2006")
            var script = EventScript()
            let pkh = try script.enrol(household, in: .socialAid, on: "2027-02-01")
            try script.assess(household, .sangatMiskin, by: .socialAid, on: "2027-02-02")
            try await applyThroughInbox(script.takeNew(), model, pool)
            let queries = CoordinatorQueries(pool)
            let plerean = try RegionCode("35.09.31.2001")
            household.desa = plerean  // the clusters' later events name another desa; no registration or update says so
            try script.deliver(household, enrolment: pkh, by: .socialAid, rupiah: 600_000, on: "2027-03-01")
            try await applyThroughInbox(script.takeNew(), model, pool)

            let moved = try await queries.overview(region: plerean, depth: 0).region.totals
            #expect(moved.households == 1 && moved.sangatMiskin == 1 && moved.coveredSocialAid == 1 && moved.gaps == 0)
            #expect(try await queries.overview(region: try RegionCode("35.09.31.2006"), depth: 0).region.totals.households == 0)
            let strategies = try #require(try await queries.strategies(region: plerean).rows.first)
            #expect(strategies.activeEnrolments == 1 && strategies.deliveries == 1 && strategies.enrolmentsStarted == 0)

            _ = try script.refer(household, from: .socialAid, to: .enterprise, on: "2027-03-02")
            try await applyThroughInbox(script.takeNew(), model, pool)
            #expect(try await queries.overview(region: plerean, depth: 0).region.totals == moved, "a referral in the same desa changes no count")
            try await expectConsistent(pool)
        }
    }
}
