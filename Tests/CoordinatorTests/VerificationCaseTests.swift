import EntasAPI
import EntasDomain
import EntasStore
import Foundation
import GRDB
import Testing

@testable import Coordinator
import EntasTestKit

@Suite("Verification cases: conflicts verified in the field and settled", .english)
struct VerificationCaseTests {
    let sumberjambe = try! RegionCode("35.09.31")
    let today = try! CalendarDate("2027-05-01")

    @Test("a conflict opens a case; the data steward's verification settles it; a later disagreeing assessment reopens it")
    func conflictVerifiedAndReopened() async throws {
        try await withReadModel { pool, model, _ in
            let household = try TestHousehold(16, in: "35.09.31.2006")
            let queries = CoordinatorQueries(pool)
            var script = EventScript()
            try script.register(household, baseline: .sangatMiskin)
            try script.assess(household, .miskin, by: .socialAid, on: "2027-02-01")
            try script.assess(household, .sangatMiskin, by: .enterprise, on: "2027-02-10")
            try await applyThroughInbox(script.takeNew(), model, pool)

            var cases = try await queries.cases(region: sumberjambe, today: today)
            #expect(cases.total == 1)
            let opened = try #require(cases.items.first?.verification)
            #expect(opened.state == .open && opened.kind == .conflict)
            #expect(opened.openedOn?.description == "2027-02-10" && opened.ageDays == 80)
            #expect(cases.items.first?.assessments.map(\.status) == [.miskin, .sangatMiskin])
            var totals = try await queries.overview(region: sumberjambe, depth: 0).region.totals
            #expect(totals.conflicts == 1 && totals.casesOpen == 1 && totals.casesAssigned == 0)
            #expect(totals.meanOpenCaseAge(on: today) == 80)
            var flags = try await queries.flags(of: [household.kk], key: testSecret, today: today)
            #expect(flags.items.map(\.flags) == [[.gap, .conflict, .case]])

            let caseID = try #require(opened.caseID.flatMap(UUID.init(uuidString:)))
            try script.assign(household, case: caseID, to: "tksk-sumberjambe-1", on: "2027-02-15")
            // Enterprise may not verify (the data steward does): its verification changes no view.
            try script.verify(household, .hampirMiskin, by: .enterprise, on: "2027-03-01")
            try await applyThroughInbox(script.takeNew(), model, pool)
            cases = try await queries.cases(region: sumberjambe, state: .assigned, today: today)
            #expect(cases.items.first?.verification.team == "tksk-sumberjambe-1")
            #expect(cases.items.first?.verification.caseID == opened.caseID)
            totals = try await queries.overview(region: sumberjambe, depth: 0).region.totals
            #expect(totals.conflicts == 1 && totals.casesOpen == 1 && totals.casesAssigned == 1)

            try script.verify(household, .miskin, on: "2027-03-05", caseID: caseID)
            // Visited before the verification, published after it: the verification speaks for it.
            try script.assess(household, .sangatMiskin, by: .enterprise, on: "2027-03-01")
            try await applyThroughInbox(script.takeNew(), model, pool)
            totals = try await queries.overview(region: sumberjambe, depth: 0).region.totals
            #expect(totals.conflicts == 0 && totals.casesOpen == 0 && totals.casesVerified == 1)
            #expect(totals.miskin == 1 && totals.sangatMiskin == 0)
            #expect(try await queries.conflicts(region: sumberjambe).total == 0)
            let verified = try await queries.cases(region: sumberjambe, state: .verified, today: today)
            #expect(verified.items.map(\.verification.verifiedStatus) == [.miskin])
            #expect(try await queries.household(kk: household.kk, key: testSecret)?.verification?.state == .verified)
            flags = try await queries.flags(of: [household.kk], key: testSecret, today: today)
            #expect(flags.items.map(\.flags) == [[.gap]])

            // A later assessment that disagrees opens a new case; the tie goes to the more severe status.
            try script.assess(household, .sangatMiskin, by: .enterprise, on: "2027-04-01")
            try await applyThroughInbox(script.takeNew(), model, pool)
            totals = try await queries.overview(region: sumberjambe, depth: 0).region.totals
            #expect(totals.conflicts == 1 && totals.casesOpen == 1 && totals.casesVerified == 0 && totals.sangatMiskin == 1)
            let reopened = try #require(try await queries.cases(region: sumberjambe, today: today).items.first?.verification)
            #expect(reopened.caseID != opened.caseID && reopened.openedOn?.description == "2027-04-01")
            #expect(reopened.team == nil && reopened.verifiedStatus == .miskin)
            try await expectConsistent(pool)

            // The progress follows the dated facts: M from the verification (March), SM again from April.
            let progress = try await queries.progress(
                region: sumberjambe, from: try CalendarMonth("2027-01"), to: try CalendarMonth("2027-04"))
            #expect(progress.months.map(\.sangatMiskin) == [1, 1, 0, 1])

            // Reversed, the same events give the same household row and totals.
            let forward = try await pool.read { db in try Household.fetchAll(db) }
            try await withReadModel { otherPool, otherModel, _ in
                try await applyThroughInbox(script.events.reversed(), otherModel, otherPool)
                #expect(try await otherPool.read { db in try Household.fetchAll(db) } == forward)
                try await expectConsistent(otherPool)
            }
        }
    }

    @Test("a cluster's request opens a case on a household the clusters agree on; only a verification on or after it closes it")
    func requestedCase() async throws {
        try await withReadModel { pool, model, _ in
            let household = try TestHousehold(17, in: "35.09.31.2006")
            let queries = CoordinatorQueries(pool)
            var script = EventScript()
            try script.register(household, baseline: .miskin)
            try script.assess(household, .miskin, by: .socialAid, on: "2027-01-20")
            try script.requestVerification(household, by: .lowCost, on: "2027-02-01")
            try script.verify(household, .hampirMiskin, on: "2027-01-25")
            try await applyThroughInbox(script.takeNew(), model, pool)
            var item = try #require(try await queries.cases(region: sumberjambe, today: today).items.first)
            #expect(item.verification.kind == .requested && item.verification.openedOn?.description == "2027-02-01")
            #expect(item.consensusStatus == .hampirMiskin && !item.inConflict)

            try script.verify(household, .tidakMiskin, on: "2027-02-05")
            try await applyThroughInbox(script.takeNew(), model, pool)
            item = try #require(try await queries.cases(region: sumberjambe, state: .verified, today: today).items.first)
            #expect(item.consensusStatus == .tidakMiskin && item.verification.verifiedOn?.description == "2027-02-05")
            #expect(try await queries.cases(region: sumberjambe, today: today).total == 0)
            try await expectConsistent(pool)
        }
    }

    @Test("the case id is the same in every replay and differs per opening event")
    func caseIDs() {
        let first = OpenCase.id(openedBy: "7d3f0c52-8a41-4b6e-9c2d-5f1e0a9b8c7d")
        #expect(first == OpenCase.id(openedBy: "7d3f0c52-8a41-4b6e-9c2d-5f1e0a9b8c7d"))
        #expect(first != OpenCase.id(openedBy: "7d3f0c52-8a41-4b6e-9c2d-5f1e0a9b8c7e"))
        #expect(UUID(uuidString: first)?.lowercaseText == first)
    }
}
