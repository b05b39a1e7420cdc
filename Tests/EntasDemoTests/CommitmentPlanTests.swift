import EntasDemo
import EntasDomain
import Foundation
import Testing

@Suite("The demo's commitments")
struct CommitmentPlanTests {
    static let commitments = DemoFixture.plan.commitments(for: DemoFixture.plan.households(seed: DemoFixture.seed))

    @Test("every demo kecamatan has commitments for 2025, each valid as a commitment.made a cluster could publish")
    func valid() throws {
        let kecamatan = Set(Self.commitments.map(\.regionCode))
        #expect(kecamatan == Set(([DemoKecamatan.sumberjambe] + DemoKecamatan.extras).map(\.code)))
        for commitment in Self.commitments {
            #expect(commitment.period.description == "2025")
            #expect(DemoProgrammes.programme(commitment.programme)?.cluster == commitment.cluster)
            let payload = CommitmentMade(
                commitmentID: UUID(), cluster: commitment.cluster, regionCode: commitment.regionCode, period: commitment.period,
                programme: commitment.programme, strategy: try #require(DemoProgrammes.programme(commitment.programme)).strategy,
                households: commitment.households, deliveries: commitment.deliveries, budgetRupiah: commitment.budgetRupiah,
                madeOn: commitment.madeOn)
            #expect(throws: Never.self) { try payload.validate(in: .eastJava) }
            #expect(commitment.households > 0)
        }
        #expect(Set(Self.commitments.map(\.cluster)) == Set(Cluster.allCases), "all four clusters commit")
    }

    @Test("the commitments are the cycle's 2025 realisation times each kecamatan's ambition; Sumberjambe's PKH is revised")
    func figures() throws {
        let sumberjambe = DemoKecamatan.sumberjambe.code
        var enrolled = 0
        var delivered = 0
        for household in DemoFixture.sumberjambe {
            let plan = try #require(DemoFixture.plans[household.kkNumber])
            enrolled += (plan.enrolments + plan.followUpEnrolments).filter { $0.programme == "pkh" && $0.startedOn.year <= 2025 }.count
            delivered += plan.deliveries.filter { $0.programme == "pkh" && $0.period.year == 2025 }.count
        }
        let pkh = Self.commitments.filter { $0.regionCode == sumberjambe && $0.programme == "pkh" }
        try #require(pkh.count == 2)
        #expect(pkh[0].madeOn < pkh[1].madeOn, "the original, then the revision")
        #expect(pkh[1].households == Int((Double(enrolled) * 1.2).rounded()))
        #expect(pkh[1].deliveries == Int((Double(delivered) * 1.2).rounded()))
        #expect(pkh[0].households < pkh[1].households)
        #expect(pkh[1].budgetRupiah > 0 && pkh[1].budgetRupiah % 1_000_000 == 0)
        let rastra = try #require(Self.commitments.first { $0.regionCode == sumberjambe && $0.programme == "rastra" })
        #expect(rastra.budgetRupiah == 0, "rice is delivered in kind: no rupiah to set a budget against")
    }

    @Test("the same seed gives the same commitments, as JSON the services take")
    func deterministic() throws {
        let again = DemoFixture.plan.commitments(for: DemoFixture.plan.households(seed: DemoFixture.seed))
        #expect(again == Self.commitments)
        let json = try JSONEncoder().encode(Self.commitments[0])
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(Set(object.keys) == ["regionCode", "period", "programme", "households", "deliveries", "budgetRupiah", "madeOn"])
        #expect(try JSONDecoder().decode(DemoCommitment.self, from: json) == Self.commitments[0])
    }
}
