import EntasDomain
import Foundation

/// A misuse of the outbox, caught before it could lose or duplicate an event.
public enum OutboxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An event with this id is already in the outbox (sent or not).
    case duplicateEvent(id: UUID)
    /// ``Outbox/enqueue(_:at:in:)`` was called outside a transaction.
    case outsideTransaction

    public var description: String {
        switch self {
        case let .duplicateEvent(id):
            "The event \(id.lowercaseText) is already in the outbox. Give every new event a fresh id "
                + "(UUID()) and enqueue it once, in the transaction that makes the change it reports."
        case .outsideTransaction:
            "Outbox.enqueue was called outside a transaction, so the event could be published without its change "
                + "(or lost with it). Call it inside the same `writer.write { db in … }` as the change."
        }
    }
}
