import EntasDemo
import EntasDomain
import Foundation

/// The first `limit` events of the demo's households, household after household (each
/// household's events in the order its services publish them). Iterating twice gives the same
/// events, ids included.
struct EventStream: Sequence, Sendable {
    let events: HouseholdEvents
    let limit: Int
    /// When the events say they happened (`ce_time`).
    let time: Date

    /// Enough demo households for `limit` events of `mix`.
    init(mix: HouseholdEvents.Mix, limit: Int, seed: UInt64 = DemoPlan.defaultSeed, time: Date = Date()) {
        events = HouseholdEvents(mix: mix, seed: seed)
        self.limit = limit
        self.time = time
    }

    func makeIterator() -> Iterator {
        // At least one event per household; the cycle gives about six, so a third as many
        // households as events is plenty, and the iterator stops at `limit` anyway.
        let wanted = events.mix == .registrations ? limit : limit / 3 + 1
        let households = DemoPlan().households(
            seed: events.seed, extraHouseholds: Swift.max(0, wanted - DemoKecamatan.sumberjambe.households))
        return Iterator(stream: self, households: households.makeIterator())
    }

    struct Iterator: IteratorProtocol, Sendable {
        let stream: EventStream
        var households: DemoHouseholds.Iterator
        var ids: StableIDs
        var pending: [EventEnvelope] = []
        var pendingIndex = 0
        /// Events handed out so far.
        private(set) var produced = 0
        /// Households whose registration was handed out.
        private(set) var householdCount = 0

        init(stream: EventStream, households: DemoHouseholds.Iterator) {
            self.stream = stream
            self.households = households
            ids = StableIDs(seed: stream.events.seed)
        }

        mutating func next() -> EventEnvelope? {
            guard produced < stream.limit else { return nil }
            while pendingIndex == pending.count {
                guard let household = households.next() else { return nil }
                pending = stream.events.events(for: household, ids: &ids, time: stream.time)
                pendingIndex = 0
                if !pending.isEmpty { householdCount += 1 }
            }
            defer {
                pendingIndex += 1
                produced += 1
            }
            return pending[pendingIndex]
        }
    }

    /// How many events go to each topic, and to how many households (without encoding them).
    func census() -> Census {
        var census = Census()
        var iterator = makeIterator()
        while let envelope = iterator.next() {
            census.events[envelope.topic, default: 0] += 1
        }
        census.households = iterator.householdCount
        return census
    }

    struct Census: Sendable {
        var events: [EntasTopic: Int] = [:]
        var households = 0
        var total: Int { events.values.reduce(0, +) }
    }
}
