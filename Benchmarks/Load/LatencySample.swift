/// Latencies of one kind of request, in milliseconds, and what they add up to.
struct LatencySample: Sendable {
    private(set) var milliseconds: [Double] = []

    mutating func add(_ value: Double) { milliseconds.append(value) }

    var count: Int { milliseconds.count }

    /// The `fraction` quantile (0.5 for p50), nearest rank.
    func quantile(_ fraction: Double) -> Double {
        guard !milliseconds.isEmpty else { return 0 }
        let sorted = milliseconds.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    var maximum: Double { milliseconds.max() ?? 0 }

    mutating func merge(_ other: LatencySample) { milliseconds += other.milliseconds }
}
