import EntasAPI
import Foundation

/// Why ``CoordinatorReadModel/apply(_:_:)`` refused an event. The subscription retries, then dead-letters
/// it with this description, which never contains a KK number, NIK or name.
public enum CoordinatorReadModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An enrolment, delivery or referral id arrived for a household other than the one it was first seen
    /// with (`kind` is `enrolment`, `delivery` or `referral`).
    case idOfAnotherHousehold(kind: String, id: UUID)

    public var description: String {
        switch self {
        case .idOfAnotherHousehold(let kind, let id):
            "The \(kind) \(id.lowercaseText) already belongs to another household, so this event "
                + "contradicts an earlier one. The publishing cluster reused an id: correct the \(kind) at its "
                + "source and publish it again under a new id."
        }
    }
}
