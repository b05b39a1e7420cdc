import CRdKafka

/// librdkafka's error codes and names, turned into `KafkaError`s. The rest of the Kafka layer
/// sees codes only as `Int32` and compares them with `ErrorCode`.
extension RdKafkaClient {
    /// The librdkafka codes the Kafka layer reacts to (`rd_kafka_resp_err_t` raw values).
    enum ErrorCode {
        /// `_QUEUE_FULL`: the local queue is full; back-pressure, not failure.
        static let queueFull = RD_KAFKA_RESP_ERR__QUEUE_FULL.rawValue
        /// `_FATAL`: the client is unusable and must be recreated.
        static let fatal = RD_KAFKA_RESP_ERR__FATAL.rawValue
        /// `_TRANSPORT`: a broker connection failed.
        static let transport = RD_KAFKA_RESP_ERR__TRANSPORT.rawValue
        /// `_ALL_BROKERS_DOWN`: no broker is reachable.
        static let allBrokersDown = RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN.rawValue
    }

    /// librdkafka's name for a code, e.g. `_TRANSPORT` or `TOPIC_ALREADY_EXISTS`.
    static func errorName(_ code: Int32) -> String {
        String(cString: rd_kafka_err2name(rd_kafka_resp_err_t(rawValue: code)))
    }

    /// An error with librdkafka's code, its name, and its own description unless `message` is given.
    static func error(_ operation: KafkaError.Operation, code: rd_kafka_resp_err_t, message: String? = nil, isFatal: Bool = false) -> KafkaError {
        KafkaError(
            operation,
            code: code.rawValue,
            name: String(cString: rd_kafka_err2name(code)),
            message: message ?? String(cString: rd_kafka_err2str(code)),
            isFatal: isFatal
        )
    }

    /// Takes ownership of a `rd_kafka_error_t`, frees it, and returns what it said.
    static func error(_ operation: KafkaError.Operation, consuming error: OpaquePointer) -> KafkaError {
        defer { rd_kafka_error_destroy(error) }
        return KafkaError(
            operation,
            code: rd_kafka_error_code(error).rawValue,
            name: String(cString: rd_kafka_error_name(error)),
            message: String(cString: rd_kafka_error_string(error)),
            isFatal: rd_kafka_error_is_fatal(error) != 0
        )
    }

    /// Throws a `KafkaError` for any code but `NO_ERROR`.
    static func check(_ code: rd_kafka_resp_err_t, _ operation: KafkaError.Operation) throws(KafkaError) {
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw error(operation, code: code) }
    }
}
