import CRdKafka

/// The one error type of the Kafka layer: librdkafka's code and message, and what we were doing.
///
/// Codes are librdkafka's `rd_kafka_resp_err_t` values: negative ones are the client's own
/// (`_TRANSPORT`, `_QUEUE_FULL`, `_TIMED_OUT`, …), positive ones come from the broker.
public struct KafkaError: Error, Sendable, CustomStringConvertible {
    /// What the Kafka layer was doing when the error happened.
    public enum Operation: String, Sendable {
        case configure, createClient, produce, deliver, subscribe, consume, storeOffset, commit, close
        case createTopics, listTopics, embeddedBroker, shutdown
    }

    public let operation: Operation
    /// librdkafka's error code (`rd_kafka_resp_err_t`), or 0 for errors of our own.
    public let code: Int32
    /// librdkafka's name for the code, e.g. `_TRANSPORT` or `TOPIC_ALREADY_EXISTS`.
    public let name: String
    public let message: String
    /// The client cannot continue and must be recreated.
    public let isFatal: Bool

    init(_ operation: Operation, code: rd_kafka_resp_err_t, message: String? = nil, isFatal: Bool = false) {
        self.operation = operation
        self.code = code.rawValue
        self.name = String(cString: rd_kafka_err2name(code))
        self.message = message ?? String(cString: rd_kafka_err2str(code))
        self.isFatal = isFatal
    }

    init(_ operation: Operation, message: String) {
        self.operation = operation
        self.code = 0
        self.name = "ENTAS"
        self.message = message
        self.isFatal = false
    }

    /// Takes ownership of a `rd_kafka_error_t` and frees it.
    init(_ operation: Operation, consuming error: OpaquePointer) {
        self.operation = operation
        self.code = rd_kafka_error_code(error).rawValue
        self.name = String(cString: rd_kafka_error_name(error))
        self.message = String(cString: rd_kafka_error_string(error))
        self.isFatal = rd_kafka_error_is_fatal(error) != 0
        rd_kafka_error_destroy(error)
    }

    /// The local queue is full: back-pressure, not failure. Wait for delivery reports and retry.
    public var isQueueFull: Bool { code == RD_KAFKA_RESP_ERR__QUEUE_FULL.rawValue }

    public var description: String {
        var text = "Kafka \(operation.rawValue) failed: \(name) (\(code)): \(message)"
        if isFatal { text += ". The client is unusable and must be recreated." }
        if rd_kafka_resp_err_t(rawValue: code) == RD_KAFKA_RESP_ERR__TRANSPORT
            || rd_kafka_resp_err_t(rawValue: code) == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN
        {
            text += ". Check that the brokers in KAFKA_BOOTSTRAP_SERVERS are running and reachable."
        }
        return text
    }
}
