/// The targets `make bench` checks (docs/performance.md): each figure that has one says its target and
/// whether this run met it. Set at the full sizes (1,000,000 events and households, 5,000,000 households);
/// a smaller run checks the same rates and limits, and the end-to-end time scaled to its size.
enum BenchTarget {
    /// The coordinator applies at least a third of the C limit's rate, in the same run.
    static let coordinatorShareOfLimit = 1.0 / 3
    /// A cluster service imports at least this many households a second over HTTP.
    static let importPerSecond = 15_000.0
    /// The outbox relay publishes at least this many events a second.
    static let relayPerSecond = 40_000.0
    /// 1,000,000 households through the four services to the overview in at most this many seconds.
    static let endToEndSecondsPerMillion = 120.0
    /// The overview's p99 over HTTP, at most.
    static let overviewP99Milliseconds = 20.0
    /// The coordinator's peak resident memory, at most.
    static let peakMegabytes = 300.0

    /// "≥ 15,000: met", "≥ 45,000 (⅓ C limit): NOT met".
    static func atLeast(_ value: Double, _ target: Double, _ what: String = "") -> String {
        "≥ \(Figure.grouped(Int(target.rounded(.up))))\(what): \(value >= target ? "met" : "NOT met")"
    }

    /// "≤ 20.00 ms: met".
    static func atMost(_ value: Double, _ target: Double, unit: String, _ what: String = "") -> String {
        let shown =
            switch unit {
            case "ms": String(format: "%.2f", target)
            case "s": String(format: "%.1f", target)
            default: Figure.grouped(Int(target.rounded()))
            }
        return "≤ \(shown) \(unit)\(what): \(value <= target ? "met" : "NOT met")"
    }
}
