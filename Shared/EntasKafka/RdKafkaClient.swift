import CRdKafka
import Logging

/// The one owner of a librdkafka handle (`rd_kafka_t`) and the only type that calls librdkafka.
/// Producer, consumer, admin and the embedded broker each hold one; the handle is destroyed
/// when this object goes. Its extensions group the calls by purpose: `+Producer`, `+Consumer`,
/// `+Admin`, `+Mock`, `+Configuration`, `+Errors`, `+Callbacks`.
///
/// librdkafka is thread-safe for the calls made here. Calls that block (poll, flush, commit,
/// close, admin waits) are made by the owners on a `BlockingWorker`, never on Swift's
/// cooperative pool.
final class RdKafkaClient: Sendable {
    enum Kind { case producer, consumer }

    /// The C handle. librdkafka synchronises every call on it, and it is never reassigned, so
    /// sharing it across threads is safe; only this type's extensions use it.
    nonisolated(unsafe) let handle: OpaquePointer
    let context: ClientContext

    /// Creates a handle from librdkafka properties. Callbacks reach `context`, which lives as
    /// long as the handle.
    init(kind: Kind, properties: [String: String], context: ClientContext) throws(KafkaError) {
        guard let conf = rd_kafka_conf_new() else {
            throw KafkaError(.configure, message: "librdkafka could not allocate a configuration")
        }
        var errorText = [CChar](repeating: 0, count: 512)
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            let result = rd_kafka_conf_set(conf, key, value, &errorText, errorText.count)
            guard result == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(conf)
                throw KafkaError(
                    .configure,
                    message: "librdkafka property '\(key)' was refused: \(Self.text(errorText)). Check its name and value against librdkafka's CONFIGURATION.md."
                )
            }
        }
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(context).toOpaque())
        Self.installCallbacks(on: conf, deliveryReports: kind == .producer)
        guard let handle = rd_kafka_new(kind == .producer ? RD_KAFKA_PRODUCER : RD_KAFKA_CONSUMER, conf, &errorText, errorText.count) else {
            // rd_kafka_new frees the configuration only on success.
            rd_kafka_conf_destroy(conf)
            throw KafkaError(.createClient, message: "librdkafka could not create the client: \(Self.text(errorText))")
        }
        self.handle = handle
        self.context = context
    }

    deinit {
        rd_kafka_destroy(handle)
    }

    /// The fatal error a client reports after `_FATAL`, if any.
    func fatalError(_ operation: KafkaError.Operation) -> KafkaError? {
        var text = [CChar](repeating: 0, count: 512)
        let code = rd_kafka_fatal_error(handle, &text, text.count)
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        return Self.error(operation, code: code, message: Self.text(text), isFatal: true)
    }

    /// The text librdkafka wrote into an error buffer, up to its terminating zero.
    static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
