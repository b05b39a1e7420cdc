import EntasAPI
import Foundation

/// How current the read model is.
public struct Freshness: Sendable, Hashable, Codable {
    /// The latest `ce_time` among the events applied; nil before the first.
    public var lastEventTime: Date?
    public var eventsApplied: Int
}
