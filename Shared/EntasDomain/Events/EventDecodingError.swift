/// Why a Kafka record is not a valid Entas event. Consumers send such records to `entas.dead-letter` with
/// ``code`` as the reason and ``description`` as the detail, then move on.
public enum EventDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
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

    public var description: String {
        switch self {
        case .missingHeader(let name):
            return "the Kafka record has no \(name) header; Entas events are CloudEvents 1.0 in Kafka binary mode, "
                + "publish them with EventEnvelope.encoded() (see docs/events.md)"
        case .invalidHeader(let name, let value):
            return
                "header \(name) has the unusable value \"\(Self.echo(header: value))\"; \(Self.expectation(ofHeader: name))"
        case .unsupportedSpecVersion(let version):
            return
                "ce_specversion is \"\(Self.echo(header: version))\" but Entas reads CloudEvents 1.0 only; publish with "
                + "ce_specversion 1.0"
        case .unknownType(let type):
            return
                "ce_type \"\(Self.echo(type: type))\" is not an Entas event type; the types are listed in docs/events.md "
                + "(id.go.jatim.entas.<name>.v<version>)"
        case .unsupportedVersion(let type, let version, let supported):
            return "event \(type) version \(version) is not supported by this consumer (it reads version "
                + "\(supported.map(String.init).joined(separator: ", "))); upgrade the consumer or publish a "
                + "supported version"
        case .invalidJSON(let detail):
            return "the record value is not a JSON object (\(detail)); the value must be the event's JSON data"
        case .missingField(let path):
            return "the required field \(path) is missing or null; see the event's field table in docs/events.md"
        case .invalidField(let path, let reason):
            return "field \(path) is invalid: \(reason)"
        }
    }

    static func expectation(ofHeader name: String) -> String {
        switch name {
        case EventHeader.id: "ce_id must be a UUID such as 6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f"
        case EventHeader.time: "ce_time must be an RFC 3339 instant such as 2027-03-01T02:03:04.123Z"
        case EventHeader.source: "ce_source must be the publishing service, such as /entas/social-aid"
        case EventHeader.contentType: "content-type must be application/json"
        default: "see docs/events.md for the header's format"
        }
    }
}
