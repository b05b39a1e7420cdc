/// The one error type of the Kafka layer: librdkafka's code and message, and what we were doing.
///
/// Codes are librdkafka's response error codes (`RD_KAFKA_RESP_ERR_…`): negative ones are the client's own
/// (`_TRANSPORT`, `_QUEUE_FULL`, `_TIMED_OUT`, …), positive ones come from the broker.
/// Errors with librdkafka's codes are made by `RdKafkaClient`, which names them.
public struct KafkaError: Error, Sendable, CustomStringConvertible {
    /// What the Kafka layer was doing when the error happened.
    public enum Operation: String, Sendable {
        case configure, createClient, produce, deliver, subscribe, consume, storeOffset, commit, close
        case createTopics, listTopics, embeddedBroker, shutdown
    }

    public let operation: Operation
    /// librdkafka's error code, or 0 for errors of our own.
    public let code: Int32
    /// librdkafka's name for the code, e.g. `_TRANSPORT` or `TOPIC_ALREADY_EXISTS`.
    public let name: String
    public let message: String
    /// The client cannot continue and must be recreated.
    public let isFatal: Bool

    /// An error librdkafka reported, as `RdKafkaClient` names it.
    init(_ operation: Operation, code: Int32, name: String, message: String, isFatal: Bool) {
        self.operation = operation
        self.code = code
        self.name = name
        self.message = message
        self.isFatal = isFatal
    }

    /// An error of our own, with no librdkafka code: `message` says what was wrong.
    init(_ operation: Operation, message: String) {
        self.init(operation, code: 0, name: "ENTAS", message: message, isFatal: false)
    }

    /// The local queue is full: back-pressure, not failure. Wait for delivery reports and retry.
    public var isQueueFull: Bool { code == RdKafkaClient.ErrorCode.queueFull }

    /// The client is unusable: flagged fatal, or librdkafka's `_FATAL` code.
    var isFatalForClient: Bool { isFatal || code == RdKafkaClient.ErrorCode.fatal }

    public var description: String {
        var text = "Kafka \(operation.rawValue) failed: \(name) (\(code)): \(message)"
        if isFatal { text += ". The client is unusable and must be recreated." }
        if code == RdKafkaClient.ErrorCode.transport || code == RdKafkaClient.ErrorCode.allBrokersDown {
            text += ". Check that the brokers in KAFKA_BOOTSTRAP_SERVERS are running and reachable." + KafkaLibrary.brokerHint
        }
        return text
    }
}
