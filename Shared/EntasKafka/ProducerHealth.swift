import Foundation

/// How often a ``KafkaProducer`` has recreated its client after a fatal error, and whether the
/// last attempt worked: what `/health` shows of the producer. Names librdkafka's error, never a
/// broker address.
public struct ProducerHealth: Sendable, Hashable {
    /// Clients recreated since the process started.
    public private(set) var restarts = 0
    /// The last fatal error's librdkafka name (`OUT_OF_ORDER_SEQUENCE_NUMBER`, …) and when it came.
    public private(set) var lastFatalError: String?
    public private(set) var lastFatalAt: Date?
    /// True when the client could not be recreated: nothing can be sent until the process restarts.
    public private(set) var isBroken = false

    mutating func recordRestart(after error: KafkaError) {
        restarts += 1
        lastFatalError = error.name
        lastFatalAt = Date()
        isBroken = false
    }

    mutating func recordFailedRestart(after error: KafkaError, error recreation: KafkaError) {
        lastFatalError = error.name
        lastFatalAt = Date()
        isBroken = true
    }
}
