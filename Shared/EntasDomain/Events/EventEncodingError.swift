/// Why an event could not be turned into a Kafka record.
public enum EventEncodingError: Error, Sendable, Hashable, CustomStringConvertible, MessageConvertible {
    /// The payload breaks the contract (the same rules consumers apply), so it is not published.
    case invalidPayload(path: String, reason: Message)
    /// The envelope's time is outside years 1–9999 and cannot be written as `ce_time`.
    case timeOutOfRange
    /// The event source is empty.
    case emptySource
    /// The JSON encoder refused the payload (a non-finite number, say); `reason` is its message.
    case unencodable(reason: String)

    /// What was wrong and how to fix it, in the reader's language.
    public var message: Message {
        switch self {
        case .invalidPayload(let path, let reason):
            Message("domain.eventEncoding.invalidPayload", .text(path), .message(reason))
        case .timeOutOfRange:
            Message("domain.eventEncoding.timeOutOfRange")
        case .emptySource:
            Message("domain.eventEncoding.emptySource")
        case .unencodable(let reason):
            Message("domain.eventEncoding.unencodable", .text(reason))
        }
    }

    /// The English text, for logs.
    public var description: String { message.description }
}
