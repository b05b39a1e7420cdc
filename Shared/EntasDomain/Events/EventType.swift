import Foundation

/// The type of an Entas event: a dotted name (`household.registered`) and a schema version.
/// On Kafka it travels as the CloudEvents `ce_type` `id.go.jatim.entas.household.registered.v1`.
///
/// A breaking change to a payload is a new version (`…v2`); consumers reject versions they do not know.
public struct EventType: Sendable, Hashable, CustomStringConvertible {
    /// The dotted name, such as `household.registered`.
    public let name: String
    /// The schema version, from 1.
    public let version: Int

    /// A type by name and version; whether this build supports it is ``supportedVersions(of:)``'s question.
    public init(name: String, version: Int) {
        self.name = name
        self.version = version
    }

    /// The namespace every Entas `ce_type` starts with.
    public static let ceTypePrefix = "id.go.jatim.entas."

    /// `id.go.jatim.entas.<name>.v<version>`.
    public var ceType: String { "\(Self.ceTypePrefix)\(name).v\(version)" }

    /// Reads the shape of a `ce_type` without asking whether Entas knows it; nil when it is not
    /// `id.go.jatim.entas.<lowercase dotted name>.v<version>`.
    public init?(ceType: String) {
        guard ceType.utf8.count <= 200, ceType.hasPrefix(Self.ceTypePrefix) else { return nil }
        let rest = ceType.dropFirst(Self.ceTypePrefix.count)
        guard let marker = rest.range(of: ".v", options: .backwards) else { return nil }
        let name = rest[..<marker.lowerBound]
        let versionText = rest[marker.upperBound...]
        guard !name.isEmpty, !name.hasPrefix("."), !name.hasSuffix("."), !name.contains(".."),
            name.utf8.allSatisfy(Self.isNameByte),
            !versionText.hasPrefix("0"), let version = DigitParsing.number(ArraySlice(versionText.utf8)), version >= 1
        else { return nil }
        self.init(name: String(name), version: version)
    }

    /// Lowercase ASCII letters, `.` and `-`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "-")
    }

    /// Every type this build reads and writes.
    public static var supported: [EventType] { EventPayload.supportedTypes }

    /// Every supported type by its `ce_type`: the usual event is found with one lookup, without taking its
    /// `ce_type` apart.
    private static let supportedByCEType: [String: EventType] = Dictionary(
        supported.map { ($0.ceType, $0) }, uniquingKeysWith: { first, _ in first })

    /// The versions of `name` this build supports, ascending; empty for an unknown name.
    public static func supportedVersions(of name: String) -> [Int] {
        supported.filter { $0.name == name }.map(\.version).sorted()
    }

    /// Parses a `ce_type` and checks that this build supports it.
    /// - Throws: ``EventDecodingError/unknownType(_:)`` when it is not a known Entas type, or
    ///   ``EventDecodingError/unsupportedVersion(type:version:supported:)`` when the name is known but the
    ///   version is not.
    public static func parse(ceType: String) throws(EventDecodingError) -> EventType {
        if let known = supportedByCEType[ceType] { return known }
        guard let type = EventType(ceType: ceType) else { throw .unknownType(EventDecodingError.echo(type: ceType)) }
        let versions = supportedVersions(of: type.name)
        guard !versions.isEmpty else { throw .unknownType(EventDecodingError.echo(type: ceType)) }
        guard versions.contains(type.version) else {
            throw .unsupportedVersion(type: type.name, version: type.version, supported: versions)
        }
        return type
    }

    /// The `ce_type` string.
    public var description: String { ceType }
}
