import CRdKafka
import Logging

/// State that librdkafka's C callbacks reach through the configuration's opaque pointer.
final class ClientContext: Sendable {
    let logger: Logger
    let deliveries: DeliveryTable?

    init(logger: Logger, deliveries: DeliveryTable? = nil) {
        self.logger = logger
        self.deliveries = deliveries
    }

    fileprivate static func from(_ handle: OpaquePointer?) -> ClientContext? {
        guard let handle, let opaque = rd_kafka_opaque(handle) else { return nil }
        return Unmanaged<ClientContext>.fromOpaque(opaque).takeUnretainedValue()
    }

    fileprivate static func from(opaque: UnsafeMutableRawPointer?) -> ClientContext? {
        guard let opaque else { return nil }
        return Unmanaged<ClientContext>.fromOpaque(opaque).takeUnretainedValue()
    }
}

extension RdKafkaClient {
    /// Routes librdkafka's logs and errors to the context's logger and, for a producer, its
    /// delivery reports to the context's delivery table.
    static func installCallbacks(on conf: OpaquePointer, deliveryReports: Bool) {
        rd_kafka_conf_set_log_cb(conf, kafkaLogCallback)
        rd_kafka_conf_set_error_cb(conf, kafkaErrorCallback)
        if deliveryReports {
            rd_kafka_conf_set_dr_msg_cb(conf, kafkaDeliveryCallback)
        }
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
    guard let context = ClientContext.from(opaque: opaque) else { return }
    let text = reason.map { String(cString: $0) } ?? ""
    let name = RdKafkaClient.errorName(code)
    // Transport errors are expected while a broker is down; librdkafka reconnects by itself.
    let level: Logger.Level = code == RdKafkaClient.ErrorCode.fatal ? .critical : .warning
    context.logger.log(level: level, "Kafka client error: \(text)", metadata: [KafkaLogKey.errorName: "\(name)"])
}

private func kafkaDeliveryCallback(_ handle: OpaquePointer?, _ message: UnsafePointer<rd_kafka_message_t>?, _ opaque: UnsafeMutableRawPointer?) {
    guard let context = ClientContext.from(opaque: opaque), let message else { return }
    let id = UInt(bitPattern: message.pointee._private)
    let result: Result<DeliveryReport, KafkaError>
    if message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
        let topic = message.pointee.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        result = .success(DeliveryReport(topic: topic, partition: message.pointee.partition, offset: message.pointee.offset))
    } else {
        result = .failure(RdKafkaClient.error(.deliver, code: message.pointee.err))
    }
    context.deliveries?.complete(id, with: result)
}
