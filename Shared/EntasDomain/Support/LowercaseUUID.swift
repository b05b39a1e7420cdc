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
        try container.encode(wrappedValue.uuidString.lowercased())
    }
}
