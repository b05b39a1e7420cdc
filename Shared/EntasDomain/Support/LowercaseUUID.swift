import Foundation

/// A UUID that writes itself in lowercase (as RFC 9562 recommends and `ce_id` uses) and reads
/// either case, so a payload's synthesised `Codable` gets the event contract's form without
/// hand-written coding.
@propertyWrapper
public struct LowercaseUUID: Sendable, Hashable, Codable {
    public var wrappedValue: UUID

    public init(wrappedValue: UUID) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try UUID(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue.lowercaseText)
    }
}

/// An optional UUID written in lowercase when present and left out when absent (`null` reads as absent), for
/// an optional id field of a payload's synthesised `Codable`.
@propertyWrapper
public struct OptionalLowercaseUUID: Sendable, Hashable, Codable {
    public var wrappedValue: UUID?

    public init(wrappedValue: UUID?) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(UUID.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue.lowercaseText) } else { try container.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    /// An absent key is an absent id.
    public func decode(_ type: OptionalLowercaseUUID.Type, forKey key: Key) throws -> OptionalLowercaseUUID {
        try decodeIfPresent(type, forKey: key) ?? OptionalLowercaseUUID(wrappedValue: nil)
    }
}

extension KeyedEncodingContainer {
    /// An absent id leaves its key out.
    public mutating func encode(_ value: OptionalLowercaseUUID, forKey key: Key) throws {
        guard let id = value.wrappedValue else { return }
        try encode(id.lowercaseText, forKey: key)
    }
}
