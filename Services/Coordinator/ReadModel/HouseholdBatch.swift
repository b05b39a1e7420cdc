import EntasAPI
import EntasDomain
import GRDB

/// One transaction's events as ``CoordinatorReadModel/apply(_:_:)`` applies them: commitments apart, household
/// events grouped by household (households in key order, each one's events in their order),
/// with the events the read model already holds, and repeats within the batch, set aside once for the batch.
struct HouseholdBatch {
    /// An event with the attributes the read model keeps, its household's key, the people it names, keyed, and
    /// its history row: made as the event is decoded, off the writer thread (``CoordinatorReadModel/prepare(_:)``).
    /// A class: the batch hands each item from array to array, and a reference moves with one retain where the
    /// struct's copy retained each of its strings.
    final class Item: Sendable {
        let envelope: EventEnvelope
        let event: AppliedEvent
        /// Nil for a commitment.
        let key: HouseholdKey?
        let people: HouseholdPeople.Statement?
        /// The event's history row; nil for a commitment.
        let history: HouseholdEvent?

        init(envelope: EventEnvelope, event: AppliedEvent, key: HouseholdKey?, people: HouseholdPeople.Statement?, history: HouseholdEvent?) {
            self.envelope = envelope
            self.event = event
            self.key = key
            self.people = people
            self.history = history
        }
    }

    /// One household's events of the batch.
    struct Household {
        let key: HouseholdKey
        var events: [Item]
    }

    private(set) var commitments: [Item] = []
    private(set) var households: [Household] = []

    /// - Parameter checkHistory: whether to look the events up in the history (false when the inbox has set
    ///   aside those applied before).
    init(_ items: [Item], checkHistory: Bool, _ db: Database) throws {
        let recorded =
            checkHistory
            ? try HouseholdEvent.recorded(items.compactMap { item in item.key.map { ($0, item.event.id) } }, db)
            : []
        var seen: Set<String> = []
        var position: [HouseholdKey: Int] = [:]
        for item in items where seen.insert(item.event.id).inserted {
            guard let key = item.key else {
                commitments.append(item)
                continue
            }
            guard !recorded.contains(item.event.id) else { continue }
            if let index = position[key] {
                households[index].events.append(item)
            } else {
                position[key] = households.count
                households.append(Household(key: key, events: [item]))
            }
        }
        // Households are independent, so any order gives the same views; in key order, the batch reads and
        // writes the household-keyed B-trees from one end to the other, each page once, instead of at random.
        households.sort { $0.key < $1.key }
    }
}
