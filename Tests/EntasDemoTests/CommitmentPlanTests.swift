import EntasDemo
import EntasDomain
import Foundation
import Testing

@Suite("The demo's commitments")
struct CommitmentPlanTests {
    /// From the fixture's plans, so the 15,307 households are not planned again.
    static let commitments = DemoCommitments.commitments(
        from: DemoFixture.households.compactMap { household in DemoFixture.plans[household.kkNumber].map { (household, $0) } })

    /// The commitments for one programme year.
    static func commitments(for year: Int) -> [DemoCommitment] { commitments.filter { $0.period.description == String(year) } }

    @Test("every demo kecamatan has commitments for 2025 and 2026, each valid as a commitment.made a cluster could publish")
    func valid() throws {
        for year in [2025, 2026] {
            let kecamatan = Set(Self.commitments(for: year).map(\.regionCode))
            #expect(kecamatan == Set(([DemoKecamatan.sumberjambe] + DemoKecamatan.extras).map(\.code)), "\(year)")
        }
        #expect(Self.commitments(for: 2025).count + Self.commitments(for: 2026).count == Self.commitments.count)
        for commitment in Self.commitments {
            #expect(DemoProgrammes.programme(commitment.programme)?.cluster == commitment.cluster)
            let payload = CommitmentMade(
                commitmentID: UUID(), cluster: commitment.cluster, regionCode: commitment.regionCode, period: commitment.period,
                programme: commitment.programme, strategy: try #require(DemoProgrammes.programme(commitment.programme)).strategy,
                households: commitment.households, deliveries: commitment.deliveries, budgetRupiah: commitment.budgetRupiah,
                graduations: commitment.graduations, madeOn: commitment.madeOn)
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
        let pkh = Self.commitments(for: 2025).filter { $0.regionCode == sumberjambe && $0.programme == "pkh" }
        try #require(pkh.count == 2)
        #expect(pkh[0].madeOn < pkh[1].madeOn, "the original, then the revision")
        #expect(pkh[1].households == Int((Double(enrolled) * 1.2).rounded()))
        #expect(pkh[1].deliveries == Int((Double(delivered) * 1.2).rounded()))
        #expect(pkh[0].households < pkh[1].households)
        #expect(pkh[1].budgetRupiah > 0 && pkh[1].budgetRupiah % 1_000_000 == 0)
        let rastra = try #require(Self.commitments.first { $0.regionCode == sumberjambe && $0.programme == "rastra" })
        #expect(rastra.budgetRupiah == 0, "rice is delivered in kind: no rupiah to set a budget against")
    }

    @Test("2026's commitments are 2025's as they stand, grown toward the targets: social aid by 15%, the others by 10%, signed in November 2025")
    func nextYear() throws {
        let first = Self.commitments(for: 2025)
        let next = Self.commitments(for: 2026)
        struct Key: Hashable { var region: RegionCode, programme: String }
        var standing: [Key: DemoCommitment] = [:]
        for commitment in first { standing[Key(region: commitment.regionCode, programme: commitment.programme)] = commitment }  // a revision replaces its original
        #expect(next.count == standing.count, "one 2026 commitment per kecamatan and programme, no revision")
        #expect(next.count == first.count - 1, "Sumberjambe's PKH was revised in 2025")
        for commitment in next {
            let before = try #require(standing[Key(region: commitment.regionCode, programme: commitment.programme)])
            let growth = commitment.cluster == .socialAid ? 1.15 : 1.1
            #expect(commitment.cluster == before.cluster)
            #expect(commitment.madeOn.description == "2025-11-03")
            #expect(commitment.households == Int((Double(before.households) * growth).rounded()), "\(commitment.regionCode) \(commitment.programme)")
            #expect(commitment.deliveries == Int((Double(before.deliveries) * growth).rounded()))
            #expect(commitment.budgetRupiah >= Int64(Double(before.budgetRupiah) * growth) - 1 && commitment.budgetRupiah % 1_000_000 == 0)
            #expect(commitment.budgetRupiah < Int64(Double(before.budgetRupiah) * growth) + 1_000_000)
        }
        let sumberjambePKH = try #require(next.first { $0.regionCode == DemoKecamatan.sumberjambe.code && $0.programme == "pkh" })
        #expect(sumberjambePKH.households == Int((Double(first.last { $0.regionCode == DemoKecamatan.sumberjambe.code && $0.programme == "pkh" }?.households ?? 0) * 1.15).rounded()), "grown from the revision")
        #expect(next.map(\.households).reduce(0, +) > first.map(\.households).reduce(0, +))
    }

    @Test("2026's commitments promise the cycle's 2026 graduations from each programme times the kecamatan's ambition; 2025's promise none")
    func graduations() throws {
        #expect(Self.commitments(for: 2025).allSatisfy { $0.graduations == nil }, "the cycle graduates households in 2026 only")
        // By hand for Sumberjambe: households social aid graduates in 2026 while enrolled in PKH.
        var graduatedFromPKH = 0
        for household in DemoFixture.sumberjambe {
            let plan = try #require(DemoFixture.plans[household.kkNumber])
            let enrolments = plan.enrolments + plan.followUpEnrolments
            let fromPKH = plan.graduations.contains { graduation in
                graduation.cluster == .socialAid && graduation.graduatedOn.year == 2026
                    && enrolments.contains { $0.programme == "pkh" && $0.startedOn <= graduation.graduatedOn }
            }
            if fromPKH { graduatedFromPKH += 1 }
        }
        try #require(graduatedFromPKH > 0)
        let pkh = try #require(Self.commitments(for: 2026).first { $0.regionCode == DemoKecamatan.sumberjambe.code && $0.programme == "pkh" })
        #expect(pkh.graduations == Int((Double(graduatedFromPKH) * 1.2).rounded()))
        let promising = Self.commitments(for: 2026).filter { ($0.graduations ?? 0) > 0 }
        #expect(Set(promising.map(\.cluster)).count >= 2, "more than one cluster promises graduations")
        #expect(Self.commitments(for: 2026).allSatisfy { $0.graduations.map { $0 > 0 } ?? true }, "a promise of 0 is left out")
    }

    @Test("a commitment's bulk line is its request body with kind and cluster")
    func bulkLine() throws {
        let commitment = try #require(Self.commitments.first { $0.cluster == .enterprise })
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let object = try #require(try JSONSerialization.jsonObject(with: try encoder.encode(commitment.bulkLine)) as? [String: Any])
        #expect(Set(object.keys) == ["kind", "cluster", "regionCode", "period", "programme", "households", "deliveries", "budgetRupiah", "madeOn"])
        #expect(object["kind"] as? String == "commitment")
        #expect(object["cluster"] as? String == "enterprise")
        #expect(object["households"] as? Int == commitment.households)
    }

    @Test("the same seed gives the same commitments, as JSON the services take")
    func deterministic() throws {
        let small = DemoFixture.smallPlan
        let first = small.commitments(for: small.households(seed: DemoFixture.seed))
        #expect(!first.isEmpty)
        #expect(small.commitments(for: small.households(seed: DemoFixture.seed)) == first)
        let households = small.households(seed: DemoFixture.seed)
        let planner = small.planner(seed: DemoFixture.seed)
        #expect(DemoCommitments.commitments(from: households.map { ($0, planner.plan(for: $0)) }) == first, "plans made first give the same")
        let json = try JSONEncoder().encode(Self.commitments[0])
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(Set(object.keys) == ["regionCode", "period", "programme", "households", "deliveries", "budgetRupiah", "madeOn"])
        #expect(try JSONDecoder().decode(DemoCommitment.self, from: json) == Self.commitments[0])
    }
}
