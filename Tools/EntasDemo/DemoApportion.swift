/// Splits a whole number into parts proportional to weights (largest remainder method), so that the parts
/// always add up to the total exactly.
enum DemoApportion {
    /// `total` split by `weights`: each part is the floor of its quota, and the units left over go to the
    /// largest fractional remainders (ties to the earlier index). Zero or negative weights get nothing
    /// unless every weight is zero, in which case the split is even.
    static func split(_ total: Int, weights: [Double]) -> [Int] {
        guard total > 0, !weights.isEmpty else { return Array(repeating: 0, count: weights.count) }
        let positive = weights.map { max($0, 0) }
        let sum = positive.reduce(0, +)
        let effective = sum > 0 ? positive : Array(repeating: 1.0, count: weights.count)
        let effectiveSum = sum > 0 ? sum : Double(weights.count)
        let quotas = effective.map { $0 / effectiveSum * Double(total) }
        var parts = quotas.map { Int($0.rounded(.down)) }
        var left = total - parts.reduce(0, +)
        let order = quotas.indices.sorted { lhs, rhs in
            let left = quotas[lhs] - Double(parts[lhs])
            let right = quotas[rhs] - Double(parts[rhs])
            return left != right ? left > right : lhs < rhs
        }
        var position = 0
        while left > 0, !order.isEmpty {
            parts[order[position % order.count]] += 1
            left -= 1
            position += 1
        }
        return parts
    }
}
