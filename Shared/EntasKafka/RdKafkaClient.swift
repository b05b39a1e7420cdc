import CRdKafka
import Foundation
import Logging

/// The one owner of a librdkafka handle (`rd_kafka_t`). Producer, consumer, admin and the
/// embedded broker each hold one; the handle is destroyed when this object goes.
///
/// librdkafka is thread-safe for the calls made here. Calls that block (poll, flush, commit,
/// close, admin waits) are made by the owners on a `BlockingWorker`, never on Swift's
/// cooperative pool.
final class RdKafkaClient: @unchecked Sendable {
    enum Kind { case producer, consumer }

    let handle: OpaquePointer
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
                let reason = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                throw KafkaError(
                    .configure,
                    message: "librdkafka property '\(key)' was refused: \(reason). Check its name and value against librdkafka's CONFIGURATION.md."
                )
            }
        }
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(context).toOpaque())
        rd_kafka_conf_set_log_cb(conf, kafkaLogCallback)
        rd_kafka_conf_set_error_cb(conf, kafkaErrorCallback)
        if kind == .producer {
            rd_kafka_conf_set_dr_msg_cb(conf, kafkaDeliveryCallback)
        }
        guard let handle = rd_kafka_new(kind == .producer ? RD_KAFKA_PRODUCER : RD_KAFKA_CONSUMER, conf, &errorText, errorText.count) else {
            // rd_kafka_new frees the configuration only on success.
            rd_kafka_conf_destroy(conf)
            let reason = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw KafkaError(.createClient, message: "librdkafka could not create the client: \(reason)")
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
        let reason = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return KafkaError(operation, code: code, message: reason, isFatal: true)
    }

    /// Topic names and partition counts the cluster knows (blocking: call on a worker).
    func metadataTopics(timeoutMilliseconds: Int32) throws(KafkaError) -> [TopicDescription] {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let code = rd_kafka_metadata(handle, 1, nil, &metadata, timeoutMilliseconds)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
            throw KafkaError(.listTopics, code: code)
        }
        defer { rd_kafka_metadata_destroy(metadata) }
        let topics = UnsafeBufferPointer(start: metadata.pointee.topics, count: Int(metadata.pointee.topic_cnt))
        return topics.compactMap { topic in
            guard let name = topic.topic, topic.err == RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
            return TopicDescription(name: String(cString: name), partitionCount: Int(topic.partition_cnt))
        }
    }
}

/// State that librdkafka's C callbacks reach through the configuration's opaque pointer.
final class ClientContext: Sendable {
    let logger: Logger
    let deliveries: DeliveryTable?

    init(logger: Logger, deliveries: DeliveryTable? = nil) {
        self.logger = logger
        self.deliveries = deliveries
    }

    static func from(_ handle: OpaquePointer?) -> ClientContext? {
        guard let handle, let opaque = rd_kafka_opaque(handle) else { return nil }
        return Unmanaged<ClientContext>.fromOpaque(opaque).takeUnretainedValue()
    }
}

private func kafkaLogCallback(_ handle: OpaquePointer?, _ level: Int32, _ facility: UnsafePointer<CChar>?, _ text: UnsafePointer<CChar>?) {
    guard let context = ClientContext.from(handle) else { return }
    let message = text.map { String(cString: $0) } ?? ""
    let facilityName = facility.map { String(cString: $0) } ?? ""
    // syslog levels: 0 emerg … 3 err, 4 warning, 5 notice, 6 info, 7 debug
    let swiftLevel: Logger.Level =
        switch level {
        case ...3: .error
        case 4: .warning
        case 5: .notice
        case 6: .info
        default: .debug
        }
    context.logger.log(level: swiftLevel, "\(message)", metadata: [KafkaLogKey.facility: "\(facilityName)"])
}

private func kafkaErrorCallback(_ handle: OpaquePointer?, _ code: Int32, _ reason: UnsafePointer<CChar>?, _ opaque: UnsafeMutableRawPointer?) {
    guard let opaque else { return }
    let context = Unmanaged<ClientContext>.fromOpaque(opaque).takeUnretainedValue()
    let error = rd_kafka_resp_err_t(rawValue: code)
    let text = reason.map { String(cString: $0) } ?? ""
    let name = String(cString: rd_kafka_err2name(error))
    // Transport errors are expected while a broker is down; librdkafka reconnects by itself.
    let level: Logger.Level = error == RD_KAFKA_RESP_ERR__FATAL ? .critical : .warning
    context.logger.log(level: level, "Kafka client error: \(text)", metadata: [KafkaLogKey.errorName: "\(name)"])
}

private func kafkaDeliveryCallback(_ handle: OpaquePointer?, _ message: UnsafePointer<rd_kafka_message_t>?, _ opaque: UnsafeMutableRawPointer?) {
    guard let opaque, let message else { return }
    let context = Unmanaged<ClientContext>.fromOpaque(opaque).takeUnretainedValue()
    let id = UInt(bitPattern: message.pointee._private)
    let result: Result<DeliveryReport, KafkaError>
    if message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
        let topic = message.pointee.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        result = .success(DeliveryReport(topic: topic, partition: message.pointee.partition, offset: message.pointee.offset))
    } else {
        result = .failure(KafkaError(.deliver, code: message.pointee.err))
    }
    context.deliveries?.complete(id, with: result)
}
