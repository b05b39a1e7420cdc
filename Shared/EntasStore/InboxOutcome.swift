/// What ``Inbox/applyOnce(eventID:eventType:at:_:)`` did with an event.
public enum InboxOutcome: Sendable, Hashable {
    /// The event was new: its change and its inbox entry were committed together.
    case applied
    /// The event had been applied before: nothing ran and nothing was written.
    case duplicate
}
