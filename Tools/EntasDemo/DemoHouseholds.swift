import EntasDomain

/// The demo's households as a lazy sequence: each is made when the iterator reaches it and nothing is kept,
/// so a million households stream in constant memory (the iterator holds only the layout and per-day
/// sequence counters).
///
/// Order: kecamatan by kecamatan (Sumberjambe first), desa by desa in code order; within a desa the baseline
/// statuses are interleaved by drawing without replacement, so every desa's counts are exact. Iterating
/// twice gives the same households.
public struct DemoHouseholds: Sequence, Sendable {
    /// The seed every random choice derives from.
    public let seed: UInt64
    /// Where the households live and how many of each status per desa.
    public let layout: DemoLayout

    /// Households for `seed` laid out by `layout`.
    public init(seed: UInt64, layout: DemoLayout) {
        self.seed = seed
        self.layout = layout
    }

    /// How many households the sequence yields (known before iterating, for progress display).
    public var count: Int { layout.total }

    public var underestimatedCount: Int { layout.total }

    public func makeIterator() -> Iterator { Iterator(seed: seed, layout: layout) }

    /// Makes the households one at a time.
    public struct Iterator: IteratorProtocol, Sendable {
        private let seed: UInt64
        private let layout: DemoLayout
        private var kecamatanIndex = 0
        private var desaIndex = -1
        private var remaining = [0, 0, 0]
        private var statusOrder = SplitMix64(seed: 0)
        private var numbers: DemoIdentityNumbers
        private var ordinal = 0

        init(seed: UInt64, layout: DemoLayout) {
            self.seed = seed
            self.layout = layout
            numbers = Self.numbers(seed: seed, layout: layout, kecamatanIndex: 0)
        }

        public mutating func next() -> DemoHousehold? {
            while kecamatanIndex < layout.kecamatan.count {
                let kecamatan = layout.kecamatan[kecamatanIndex]
                let left = remaining[0] + remaining[1] + remaining[2]
                if desaIndex >= 0, desaIndex < kecamatan.desa.count, left > 0 {
                    let draw = statusOrder.next(below: left)
                    let status = draw < remaining[0] ? 0 : (draw < remaining[0] + remaining[1] ? 1 : 2)
                    remaining[status] -= 1
                    let household = DemoHouseholdFactory.make(
                        ordinal: ordinal, desa: kecamatan.desa[desaIndex],
                        status: DemoKecamatan.baselineStatuses[status], seed: seed, numbers: &numbers)
                    ordinal += 1
                    return household
                }
                desaIndex += 1
                if desaIndex < kecamatan.desa.count {
                    remaining = kecamatan.desa[desaIndex].counts
                    statusOrder = DemoMix.generator(seed, .statusOrder, UInt64(kecamatanIndex), UInt64(desaIndex))
                } else {
                    kecamatanIndex += 1
                    desaIndex = -1
                    remaining = [0, 0, 0]
                    numbers = Self.numbers(seed: seed, layout: layout, kecamatanIndex: kecamatanIndex)
                }
            }
            return nil
        }

        private static func numbers(seed: UInt64, layout: DemoLayout, kecamatanIndex: Int) -> DemoIdentityNumbers {
            let prefix = kecamatanIndex < layout.kecamatan.count ? layout.kecamatan[kecamatanIndex].kecamatan.code.digits : ""
            return DemoIdentityNumbers(prefix: prefix, seed: seed, kecamatanIndex: kecamatanIndex)
        }
    }
}
