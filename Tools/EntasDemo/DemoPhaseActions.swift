/// One phase's actions for every household, made as the iterator goes: the households are generated again
/// and planned one at a time, so a loader can send a large demo phase by phase in constant memory.
public struct DemoPhaseActions: Sequence, Sendable {
    /// The households.
    public let households: DemoHouseholds
    /// The phase.
    public let phase: DemoPhase
    /// The planner (seeded like the households).
    public let planner: DemoCyclePlanner

    /// `phase`'s actions for `households`.
    public init(households: DemoHouseholds, phase: DemoPhase, planner: DemoCyclePlanner) {
        self.households = households
        self.phase = phase
        self.planner = planner
    }

    public func makeIterator() -> Iterator {
        Iterator(households: households.makeIterator(), phase: phase, planner: planner)
    }

    /// Plans households until one has an action of the phase.
    public struct Iterator: IteratorProtocol, Sendable {
        private var households: DemoHouseholds.Iterator
        private let phase: DemoPhase
        private let planner: DemoCyclePlanner
        private var pending: [DemoAction] = []
        private var position = 0

        init(households: DemoHouseholds.Iterator, phase: DemoPhase, planner: DemoCyclePlanner) {
            self.households = households
            self.phase = phase
            self.planner = planner
        }

        public mutating func next() -> DemoAction? {
            while position >= pending.count {
                guard let household = households.next() else { return nil }
                pending = planner.plan(for: household).actions(in: phase)
                position = 0
            }
            defer { position += 1 }
            return pending[position]
        }
    }
}
