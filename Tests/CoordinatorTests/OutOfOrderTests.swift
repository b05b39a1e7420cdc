import EntasDomain
import EntasStore
import Foundation
import GRDB
import Testing

@testable import Coordinator
import EntasTestKit

@Suite(.english) struct OutOfOrderTests {
    @Test("the same events in shuffled orders give identical views", arguments: [1, 2, 3] as [UInt64])
    func shuffledOrders(seed: UInt64) async throws {
        let events = try RandomHistory.events(households: 60, seed: 42)
        var random = SeededGenerator(seed: seed)
        let shuffled = events.shuffled(using: &random)
        #expect(shuffled != events)
        var snapshots: [ViewSnapshot] = []
        for order in [events, shuffled, shuffled.reversed()] {
            try await withReadModel { pool, model, _ in
                try await applyAll(order, model, pool)
                try await expectConsistent(pool)
                snapshots.append(try await ViewSnapshot.take(pool))
            }
        }
        #expect(snapshots.count == 3)
        #expect(snapshots[0].households.count > 50)
        #expect(snapshots[0].overview.region.totals.conflicts > 0)
        for snapshot in snapshots.dropFirst() {
            #expect(snapshot.stored == snapshots[0].stored)
            #expect(snapshot.households == snapshots[0].households)
            #expect(snapshot.assessments == snapshots[0].assessments)
            #expect(snapshot.enrolments == snapshots[0].enrolments)
            #expect(snapshot.referrals == snapshots[0].referrals)
            #expect(snapshot.deliveries == snapshots[0].deliveries)
            #expect(snapshot.history == snapshots[0].history)
            #expect(snapshot == snapshots[0])
        }
    }

    @Test("a late, older assessment does not override a newer one")
    func lateOlderAssessment() async throws {
        try await withReadModel { pool, model, _ in
            let household = try TestHousehold(11, in: "35.09.31.2006")
            var script = EventScript()
            try script.register(household, baseline: .miskin)
            try script.assess(household, .sangatMiskin, by: .socialAid, on: "2027-03-01", criteria: 13)
            // Published later, but visited earlier.
            try script.assess(household, .hampirMiskin, by: .socialAid, on: "2027-02-01", criteria: 7)
            try await applyThroughInbox(script.events, model, pool)

            let queries = CoordinatorQueries(pool)
            let detail = try #require(try await queries.household(kk: household.kk, key: testSecret))
            #expect(detail.consensusStatus == .sangatMiskin)
            #expect(detail.assessments.map(\.status) == [.sangatMiskin])
            #expect(detail.assessments.first?.criteriaMetCount == 13)
            #expect(detail.history.count == 3)
            // The history and the progress follow the visit days: HM in February, SM from March.
            let progress = try await queries.progress(
                region: try RegionCode("35.09.31"), from: try CalendarMonth("2027-01"), to: try CalendarMonth("2027-03")
            )
            #expect(progress.months.map(\.miskin) == [1, 0, 0])
            #expect(progress.months.map(\.hampirMiskin) == [0, 1, 0])
            #expect(progress.months.map(\.sangatMiskin) == [0, 0, 1])
            try await expectConsistent(pool)
        }
    }

    @Test("a same-day assessment is decided by the later ce_time, in either order")
    func sameDayTie() async throws {
        let household = try TestHousehold(12, in: "35.09.31.2006")
        var script = EventScript()
        try script.assess(household, .miskin, by: .enterprise, on: "2027-03-01")
        try script.assess(household, .hampirMiskin, by: .enterprise, on: "2027-03-01")
        for order in [script.events, script.events.reversed()] {
            try await withReadModel { pool, model, _ in
                try await applyAll(order, model, pool)
                let detail = try await CoordinatorQueries(pool).household(kk: household.kk, key: testSecret)
                #expect(detail?.consensusStatus == .hampirMiskin)
                #expect(detail?.baselineStatus == .miskin)
            }
        }
    }

    @Test("an enrolment that ends before it starts is inactive, and active only once started")
    func endBeforeStart() async throws {
        try await withReadModel { pool, model, _ in
            let household = try TestHousehold(13, in: "35.09.30.2004")
            var script = EventScript()
            try script.register(household, baseline: .miskin)
            let id = UUID()
            try script.end(id, of: household, in: .socialAid, on: "2027-06-30")
            try await applyAll(script.takeNew(), model, pool)
            let queries = CoordinatorQueries(pool)
            #expect(try await queries.household(kk: household.kk, key: testSecret)?.isGap == true)
            try script.enrol(household, in: .socialAid, on: "2027-01-10", id: id)
            try await applyAll(script.takeNew(), model, pool)
            let detail = try #require(try await queries.household(kk: household.kk, key: testSecret))
            #expect(detail.enrolments.map(\.isActive) == [false])
            #expect(detail.isGap)
            let strategies = try await queries.strategies(region: try RegionCode("35.09.30"))
            #expect(strategies.rows.map(\.enrolmentsStarted) == [1])
            #expect(strategies.rows.map(\.activeEnrolments) == [0])
            try await expectConsistent(pool)
        }
    }

    @Test("an event applied twice changes nothing the second time")
    func reapplied() async throws {
        try await withReadModel { pool, model, _ in
            let events = try RandomHistory.events(households: 10, seed: 7)
            try await applyAll(events, model, pool)
            let once = try await ViewSnapshot.take(pool)
            try await applyAll(events, model, pool)
            try await applyThroughInbox(events, model, pool)
            #expect(try await ViewSnapshot.take(pool) == once)
        }
    }
}
