import EntasDomain

/// Where a demo's households live: every kecamatan with its desa and, per desa, how many households of each
/// baseline status. Small (one entry per desa), computed once per ``DemoHouseholds``.
///
/// Households are spread over a kecamatan's desa unevenly but deterministically: each desa has a weight
/// between 0.6 and 2.0 taken from a stable hash of its code (the same for every seed), tilted by up to ±15%
/// per status, and each status's count is split by those weights with the largest remainder method, so the
/// totals are exact.
public struct DemoLayout: Sendable, Hashable {
    /// One desa (or kelurahan) and its households.
    public struct Desa: Sendable, Hashable {
        /// The desa or kelurahan.
        public var region: Region
        /// Households with baseline SM, M and HM, in that order.
        public var counts: [Int]
        /// The dusun (hamlets) its addresses use; for a kelurahan, the streets.
        public var places: [String]

        /// All households of the desa.
        public var total: Int { counts.reduce(0, +) }
        /// True for a kelurahan (urban addresses: street, gang, number).
        public var isUrban: Bool { region.kind == .kelurahan }
    }

    /// One kecamatan and its desa.
    public struct Kecamatan: Sendable, Hashable {
        /// The kecamatan as the plan lists it.
        public var kecamatan: DemoKecamatan
        /// Its desa, sorted by code; desa with no household are kept (with zero counts).
        public var desa: [Desa]

        /// Households with baseline SM, M and HM.
        public var counts: [Int] {
            desa.reduce([0, 0, 0]) { sum, desa in zip(sum, desa.counts).map { $0 + $1 } }
        }
        /// All households of the kecamatan.
        public var total: Int { desa.reduce(0) { $0 + $1.total } }
    }

    /// Sumberjambe first, then the extra kecamatan, in the order of ``DemoKecamatan/extras``.
    public let kecamatan: [Kecamatan]

    /// All households of the layout.
    public var total: Int { kecamatan.reduce(0) { $0 + $1.total } }

    /// Lays out Sumberjambe's exact counts plus `extraHouseholds` (0 to
    /// ``DemoKecamatan/maximumExtraHouseholds``) split over the extra kecamatan by their base counts.
    /// A kecamatan the reference does not know, or that has no desa, is left out.
    public init(reference: RegionReference, extraHouseholds: Int) {
        let extra = min(max(extraHouseholds, 0), DemoKecamatan.maximumExtraHouseholds)
        var laidOut: [Kecamatan] = []
        if let sumberjambe = Self.layOut(DemoKecamatan.sumberjambe, counts: DemoKecamatan.sumberjambeCounts, reference) {
            laidOut.append(sumberjambe)
        }
        let perKecamatan = DemoApportion.split(extra, weights: DemoKecamatan.extras.map { Double($0.households) })
        for (kecamatan, households) in zip(DemoKecamatan.extras, perKecamatan) {
            let shares = kecamatan.shares
            let counts = DemoApportion.split(
                households, weights: [shares.sangatMiskin, shares.miskin, shares.hampirMiskin])
            if let entry = Self.layOut(kecamatan, counts: counts, reference) { laidOut.append(entry) }
        }
        kecamatan = laidOut
    }

    private static func layOut(_ kecamatan: DemoKecamatan, counts: [Int], _ reference: RegionReference) -> Kecamatan? {
        let regions = reference.children(of: kecamatan.code)
        guard !regions.isEmpty else { return nil }
        var desa = regions.map { Desa(region: $0, counts: [0, 0, 0], places: DemoAddress.places(for: $0)) }
        for (status, count) in counts.enumerated() {
            let weights = regions.map { weight(of: $0.code, status: status) }
            for (index, part) in DemoApportion.split(count, weights: weights).enumerated() {
                desa[index].counts[status] = part
            }
        }
        return Kecamatan(kecamatan: kecamatan, desa: desa)
    }

    /// A desa's weight for one status: 0.6–2.0 from its code, times 0.85–1.15 for the status.
    private static func weight(of code: RegionCode, status: Int) -> Double {
        let hash = DemoMix.stableHash(code.digits)
        let base = 0.6 + Double(DemoMix.combine(hash, .layout) % 1_401) / 1_000
        let tilt = 0.85 + Double(DemoMix.combine(hash, .layout, UInt64(status) + 1) % 301) / 1_000
        return base * tilt
    }
}
