import EntasAPI
import EntasDomain
import EntasStore
import Foundation
import GRDB
import Testing

@testable import Coordinator
import EntasTestKit

@Suite(.english) struct RandomizedAggregateTests {
    @Test("2,000 households with random events: incremental aggregates equal a recount", .timeLimit(.minutes(5)))
    func twoThousandHouseholds() async throws {
        let events = try RandomHistory.events(households: 2_000, seed: 2027)
        var random = SeededGenerator(seed: 99)
        let shuffled = events.shuffled(using: &random)
        try await withReadModel { pool, model, _ in
            // In batches of random sizes, as the subscription applies them (the region tables written once
            // per batch), in an order across households and topics; one batch repeats events of the one before.
            var start = 0
            var batches = 0
            while start < shuffled.count {
                let end = min(start + Int.random(in: 1...600, using: &random), shuffled.count)
                let repeated = batches == 10 ? Array(shuffled[max(0, start - 50)..<start]) : []
                try await applyAll(repeated + Array(shuffled[start..<end]), model, pool)
                start = end
                batches += 1
                if batches == 20 { try await expectConsistent(pool) }
            }
            #expect(batches > 20)
            try await expectConsistent(pool)
            let queries = CoordinatorQueries(pool)
            let province = try await queries.overview(region: .eastJava, depth: 1)
            // Every household that some event places (a few have only an update that names no desa).
            let placed = Set(
                events.compactMap { event -> String? in
                    if case .householdUpdated(let update) = event.payload, update.desaCode == nil { return nil }
                    return event.payload.kkNumber?.rawValue
                })
            #expect(placed.count > 1_950)
            // A household sharing a person with one of a smaller key is counted in it.
            let counted = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM household WHERE NOT isDuplicate") ?? 0 }
            #expect(counted < placed.count && counted > placed.count - 200, "\(placed.count - counted) households counted in another")
            #expect(province.region.totals.households == counted)
            #expect(province.regions.reduce(.zero) { $0 + $1.totals } == province.region.totals)
            #expect(province.region.totals.gaps > 0 && province.region.totals.conflicts > 0)
            #expect(province.region.totals.graduated > 0 && province.region.totals.coveredAny > 0)
            // The progress ends where the overview is.
            let progress = try await queries.progress(
                region: .eastJava, from: try CalendarMonth("2027-01"), to: try CalendarMonth("2028-01"))
            let last = try #require(progress.months.last)
            let totals = province.region.totals
            #expect(last.sangatMiskin == totals.sangatMiskin && last.miskin == totals.miskin)
            #expect(last.hampirMiskin == totals.hampirMiskin && last.tidakMiskin == totals.tidakMiskin)
            #expect(last.graduated == totals.graduated)
            #expect(try await queries.freshness().eventsApplied == events.count)
        }
    }
}
