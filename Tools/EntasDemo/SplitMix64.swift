/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast, seedable pseudo-random generator.
///
/// Every random choice of the demo comes from one of these, never from the system generator, so one seed
/// always gives byte-identical output on every platform and Swift version. The helpers below
/// (``next(below:)``, ``unit()``, ``chance(_:)``, ``index(weights:)``) are implemented here rather than
/// through the standard library's `random(in:using:)`, whose algorithm is not guaranteed to stay the same.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The generator's whole state: the next output is a function of it alone.
    public private(set) var state: UInt64

    /// A generator that starts from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.finalize(state)
    }

    /// SplitMix64's output function (a strong 64-bit mixer); also used to derive seeds.
    public static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform whole number in `0..<bound` (Lemire's multiply-and-reject, unbiased); 0 when `bound` is
    /// 1 or less.
    public mutating func next(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold { product = next().multipliedFullWidth(by: limit) }
        }
        return Int(product.high)
    }

    /// A uniform whole number in `range`.
    public mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + next(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniform number in `0..<1` with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability` (0 never, 1 always).
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// An index of `weights` drawn with probability proportional to its weight; weights below zero count
    /// as zero. Returns 0 for an empty list or when every weight is zero.
    public mutating func index(weights: [Double]) -> Int {
        var total = 0.0
        for weight in weights where weight > 0 { total += weight }
        guard total > 0 else { return 0 }
        var target = unit() * total
        var last = 0
        for (index, weight) in weights.enumerated() where weight > 0 {
            if target < weight { return index }
            target -= weight
            last = index
        }
        return last
    }

    /// A uniformly chosen element, nil for an empty list.
    public mutating func element<Element>(of list: [Element]) -> Element? {
        list.isEmpty ? nil : list[next(below: list.count)]
    }
}
