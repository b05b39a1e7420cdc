import Synchronization

/// A count shared by concurrent tasks (requests done, rows written).
final class Tally: Sendable {
    private let count = Atomic<Int>(0)
    func add(_ amount: Int = 1) { count.add(amount, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}
