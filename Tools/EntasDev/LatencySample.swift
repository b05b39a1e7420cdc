/// Latencies of one kind of request, in milliseconds, and their quantiles (nearest rank): what
/// `make load` and `make bench` report.
public struct LatencySample: Sendable {
    public private(set) var milliseconds: [Double] = []

    public init() {}

    public mutating func add(_ value: Double) { milliseconds.append(value) }

    public var count: Int { milliseconds.count }

    /// The `fraction` quantile (0.5 for p50, 0.99 for p99), nearest rank; 0 with no sample.
    public func quantile(_ fraction: Double) -> Double {
        guard !milliseconds.isEmpty else { return 0 }
        let sorted = milliseconds.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    public var maximum: Double { milliseconds.max() ?? 0 }

    public mutating func merge(_ other: LatencySample) { milliseconds += other.milliseconds }
}
