/// Response times in milliseconds, and their quantiles (nearest rank).
struct LatencySample: Sendable {
    private(set) var milliseconds: [Double] = []

    mutating func add(_ value: Double) { milliseconds.append(value) }

    var count: Int { milliseconds.count }

    /// The `q` quantile (0.5 for the median, 0.99 for p99); 0 with no sample.
    func quantile(_ q: Double) -> Double {
        guard !milliseconds.isEmpty else { return 0 }
        let sorted = milliseconds.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
