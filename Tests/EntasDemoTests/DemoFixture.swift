import EntasDemo
import EntasDomain

/// The standard demo, made once and shared by the tests.
enum DemoFixture {
    static let plan = DemoPlan()
    static let seed: UInt64 = 42
    /// Every household at scale 1 (Sumberjambe's 12,827 and 2,480 others).
    static let households: [DemoHousehold] = Array(plan.households(seed: seed))
    /// Sumberjambe's households.
    static let sumberjambe = households.filter { $0.kecamatanCode == DemoKecamatan.sumberjambe.code }
    /// Every action, phase by phase.
    static let actions: [DemoAction] = plan.actions(seed: seed)
    /// Each household's plan, by KK number.
    static let plans: [String: DemoHouseholdActions] = Dictionary(
        uniqueKeysWithValues: households.map { ($0.kkNumber, plan.householdActions(for: $0, seed: seed)) })
    /// Households by KK number.
    static let byKK: [String: DemoHousehold] = Dictionary(uniqueKeysWithValues: households.map { ($0.kkNumber, $0) })

    /// A plan over a cut-down reference holding only Sumberwringin (desa) and Bulak (kelurahan): 560
    /// households at scale 1, for tests that replay a plan several times.
    static let smallPlan: DemoPlan = {
        let full = RegionReference.eastJava
        var regions = [RegionReference.provinceRegion]
        for digits in ["35.11", "35.11.18", "35.78", "35.78.29"] {
            guard let code = try? RegionCode(digits), let region = full.region(code) else { continue }
            regions.append(region)
            if code.level == .kecamatan { regions += full.children(of: code) }
        }
        return DemoPlan(reference: RegionReference(regions: regions))
    }()

    /// FNV-1a over text pieces: a stable digest for comparing large outputs without keeping them.
    static func digest<Pieces: Sequence>(_ pieces: Pieces) -> UInt64 where Pieces.Element == String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for piece in pieces {
            for byte in piece.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        return hash
    }
}
