/// Why an event could not be turned into a Kafka record.
public enum EventEncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The payload breaks the contract (the same rules consumers apply), so it is not published.
    case invalidPayload(path: String, reason: String)
    /// The envelope's time is outside years 1–9999 and cannot be written as `ce_time`.
    case timeOutOfRange
    /// The event source is empty.
    case emptySource
    /// The JSON encoder refused the payload (a non-finite number, say); `reason` is its message.
    case unencodable(reason: String)

    public var description: String {
        switch self {
        case .invalidPayload(let path, let reason):
            "the event payload is invalid at \(path): \(reason); fix the value before publishing"
        case .timeOutOfRange:
            "the event time is outside years 1–9999; use the current time (Date())"
        case .emptySource:
            "the event source is empty; use the service's source, e.g. /entas/social-aid (Cluster.eventSource)"
        case .unencodable(let reason):
            "the event payload cannot be written as JSON (\(reason)); check for infinite or NaN numbers"
        }
    }
}
