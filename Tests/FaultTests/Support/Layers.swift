/// Lost and duplicated from one quantity counted at several layers (the store, the outbox,
/// the topic, the coordinator's inbox): each layer's shortfall or excess is counted on its
/// own, never a signed sum, where a layer with too few could hide one with too many.
enum Layers {
    /// How many are missing, summed over the layers that have fewer than `expected`.
    static func shortfall(_ counts: [Int], expected: Int) -> Int {
        counts.reduce(0) { $0 + max(0, expected - $1) }
    }

    /// How many are too many, summed over the layers that have more than `expected`.
    static func excess(_ counts: [Int], expected: Int) -> Int {
        counts.reduce(0) { $0 + max(0, $1 - expected) }
    }
}
