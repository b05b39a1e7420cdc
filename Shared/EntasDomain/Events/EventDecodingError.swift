/// Why a Kafka record is not a valid Entas event. Consumers send such records to `entas.dead-letter` with
/// ``code`` as the reason and ``description`` as the detail, then move on.
public enum EventDecodingError: Error, Sendable, Hashable, CustomStringConvertible, MessageConvertible {
    /// A required header is absent (`ce_specversion`, `ce_id`, `ce_source`, `ce_type`, `ce_time`).
    case missingHeader(String)
    /// A header is present but its value is not usable (`ce_id` not a UUID, `ce_time` not RFC 3339, …).
    /// `value` is a safe echo: runs of eleven or more digits masked, cut to 40 characters.
    case invalidHeader(name: String, value: String)
    /// `ce_specversion` is not `1.0`; the value is a safe echo, as for ``invalidHeader(name:value:)``.
    case unsupportedSpecVersion(String)
    /// `ce_type` is not an Entas event type at all; the value is a safe echo cut to 200 characters.
    case unknownType(String)
    /// The event type is known but this version is not; `supported` lists the versions this build reads.
    case unsupportedVersion(type: String, version: Int, supported: [Int])
    /// The value is empty, not JSON or not a JSON object.
    case invalidJSON(String)
    /// A required field is absent or null; the associated value is its path.
    case missingField(String)
    /// A field has the wrong type or breaks a rule (unknown desa, bad KK number, negative count, …).
    case invalidField(path: String, reason: String)

    /// A stable, machine-readable reason for the dead-letter topic: `missing-header`, `invalid-header`,
    /// `unsupported-spec-version`, `unknown-type`, `unsupported-version`, `invalid-json`, `missing-field`,
    /// `invalid-field`.
    public var code: String {
        switch self {
        case .missingHeader: "missing-header"
        case .invalidHeader: "invalid-header"
        case .unsupportedSpecVersion: "unsupported-spec-version"
        case .unknownType: "unknown-type"
        case .unsupportedVersion: "unsupported-version"
        case .invalidJSON: "invalid-json"
        case .missingField: "missing-field"
        case .invalidField: "invalid-field"
        }
    }

    /// Every code, in the order of the cases.
    public static let allCodes = [
        "missing-header", "invalid-header", "unsupported-spec-version", "unknown-type", "unsupported-version",
        "invalid-json", "missing-field", "invalid-field",
    ]

    /// A header value as it may be kept in an error.
    static func echo(header value: String) -> String { SafeEcho.text(value) }

    /// A `ce_type` as it may be kept in an error.
    static func echo(type value: String) -> String { SafeEcho.text(value, limit: 200) }

    /// What was wrong and how to fix it, in the reader's language (`entas watch`'s warnings).
    public var message: Message {
        switch self {
        case .missingHeader(let name):
            Message("domain.eventDecoding.missingHeader", .text(name))
        case .invalidHeader(let name, let value):
            Message(
                "domain.eventDecoding.invalidHeader", .text(name), .text(Self.echo(header: value)),
                .message(Self.expectation(ofHeader: name)))
        case .unsupportedSpecVersion(let version):
            Message("domain.eventDecoding.unsupportedSpecVersion", .text(Self.echo(header: version)))
        case .unknownType(let type):
            Message("domain.eventDecoding.unknownType", .text(Self.echo(type: type)))
        case .unsupportedVersion(let type, let version, let supported):
            Message(
                "domain.eventDecoding.unsupportedVersion", .text(type), .text(String(version)),
                .text(supported.map(String.init).joined(separator: ", ")))
        case .invalidJSON(let detail):
            Message("domain.eventDecoding.invalidJSON", .text(detail))
        case .missingField(let path):
            Message("domain.eventDecoding.missingField", .text(path))
        case .invalidField(let path, let reason):
            Message("domain.eventDecoding.invalidField", .text(path), .text(reason))
        }
    }

    /// The English text: the detail of a dead letter, and what logs show.
    public var description: String { message.description }

    static func expectation(ofHeader name: String) -> Message {
        switch name {
        case EventHeader.id: Message("domain.eventDecoding.expect.id")
        case EventHeader.time: Message("domain.eventDecoding.expect.time")
        case EventHeader.source: Message("domain.eventDecoding.expect.source")
        case EventHeader.contentType: Message("domain.eventDecoding.expect.contentType")
        default: Message("domain.eventDecoding.expect.other")
        }
    }
}
