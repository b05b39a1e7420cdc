import EntasDemo
import EntasDomain
import Foundation
import Testing

@Suite struct DeterminismTests {
    static func csvDigest(seed: UInt64) -> UInt64 {
        DemoFixture.digest(DemoFixture.plan.csvChunks(seed: seed))
    }

    static func actionsDigest(_ plan: DemoPlan, seed: UInt64) throws -> UInt64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let lines = try plan.actions(seed: seed).map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        return DemoFixture.digest(lines)
    }

    @Test("the same seed gives byte-identical CSV; another seed gives another")
    func csv() {
        let first = Self.csvDigest(seed: DemoFixture.seed)
        #expect(first == Self.csvDigest(seed: DemoFixture.seed))
        #expect(first == DemoFixture.digest([DemoCSV.text(for: DemoFixture.households)]))
        #expect(first != Self.csvDigest(seed: DemoFixture.seed + 1))
    }

    @Test("the same seed gives identical actions; another seed gives others")
    func actions() throws {
        #expect(DemoFixture.plan.actions(seed: DemoFixture.seed) == DemoFixture.actions)
        let small = DemoFixture.smallPlan
        let first = try Self.actionsDigest(small, seed: DemoFixture.seed)
        #expect(first == (try Self.actionsDigest(small, seed: DemoFixture.seed)))
        #expect(first != (try Self.actionsDigest(small, seed: 7)))
    }

    @Test("a household's plan does not depend on the order households are planned in")
    func orderIndependent() {
        let planner = DemoFixture.plan.planner(seed: DemoFixture.seed)
        for household in DemoFixture.households.suffix(50).reversed() {
            #expect(planner.plan(for: household) == DemoFixture.plans[household.kkNumber])
        }
    }

    @Test("actions round-trip through JSON with a kind")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var kinds = Set<DemoAction.Kind>()
        for action in DemoFixture.actions where kinds.insert(action.kind).inserted || action.phase == .followUpEnrolment {
            let data = try encoder.encode(action)
            #expect(try JSONDecoder().decode(DemoAction.self, from: data) == action)
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(object?["kind"] as? String == action.kind.rawValue)
            #expect(object?["kkNumber"] as? String == action.kkNumber)
        }
        #expect(kinds == Set(DemoAction.Kind.allCases))
    }

    @Test("payloads carry the fields of the services' request bodies")
    func requestBodies() throws {
        let required: [DemoAction.Kind: [String]] = [
            .assessment: ["status", "criteriaMet", "assessedOn", "assessor"],
            .enrolment: ["kkNumber", "programme", "startedOn"],
            .delivery: ["period", "deliveredOn"],
            .referral: ["kkNumber", "toCluster", "reason"],
            .referralAnswer: ["answeredOn"],
            .graduation: ["reason", "graduatedOn"],
        ]
        var checked = Set<DemoAction.Kind>()
        for action in DemoFixture.actions where checked.insert(action.kind).inserted {
            let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(action)) as? [String: Any]
            for key in required[action.kind] ?? [] { #expect(object?[key] != nil, "\(action.kind) lacks \(key)") }
        }
    }
}
