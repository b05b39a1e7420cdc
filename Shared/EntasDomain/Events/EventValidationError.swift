/// A payload field that breaks the event contract: `path` names it (`desaCode`, `criteriaMet[2]`) and
/// `message` says what is wrong and what is expected, in the reader's language. Thrown by
/// ``EventData/validate(in:)``; consumers see it as ``EventDecodingError/invalidField(path:reason:)``, producers as
/// ``EventEncodingError/invalidPayload(path:reason:)``.
///
/// Two errors are equal when they name the same path and say the same in English.
public struct EventValidationError: Error, Sendable, Hashable, CustomStringConvertible, MessageConvertible {
    /// The JSON path of the field, dotted, with `[n]` for array elements.
    public let path: String
    /// What is wrong and what is expected; never holds a full KK number, NIK or name.
    public let message: Message

    /// A rule broken at `path`; `message` must not hold a full KK number, NIK or name.
    public init(path: String, _ message: Message) {
        self.path = path
        self.message = message
    }

    /// What is wrong, in English (logs, dead letters).
    public var reason: String { message.description }

    public var description: String { "\(path): \(reason)" }

    public static func == (lhs: EventValidationError, rhs: EventValidationError) -> Bool {
        lhs.path == rhs.path && (lhs.message == rhs.message || lhs.reason == rhs.reason)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(reason)
    }
}
