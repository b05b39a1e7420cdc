import EntasDomain
import EntasStore
import Foundation
import GRDB
import Testing

@testable import Coordinator

@Suite struct RandomizedAggregateTests {
    @Test("2,000 households with random events: incremental aggregates equal a recount", .timeLimit(.minutes(5)))
    func twoThousandHouseholds() async throws {
        let events = try RandomHistory.events(households: 2_000, seed: 2027)
        var random = SeededGenerator(seed: 99)
        let shuffled = events.shuffled(using: &random)
        try await withReadModel { pool, model, _ in
            // In batches, as a consumer would commit them, in an order across households and topics.
            for start in stride(from: 0, to: shuffled.count, by: 2_000) {
                try await applyAll(Array(shuffled[start..<min(start + 2_000, shuffled.count)]), model, pool)
            }
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
            #expect(province.region.totals.households == placed.count)
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
