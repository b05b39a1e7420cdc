/// A payload field that breaks the event contract: `path` names it (`desaCode`, `criteriaMet[2]`) and
/// `reason` says what is wrong and what is expected. Thrown by ``EventData/validate(in:)``; consumers see it
/// as ``EventDecodingError/invalidField(path:reason:)``, producers as ``EventEncodingError/invalidPayload(path:reason:)``.
public struct EventValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON path of the field, dotted, with `[n]` for array elements.
    public let path: String
    /// What is wrong and what is expected; never holds a full KK number, NIK or name.
    public let reason: String

    /// A rule broken at `path`; `reason` must not hold a full KK number, NIK or name.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
