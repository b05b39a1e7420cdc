import CRdKafka
import Foundation

extension RdKafkaClient {
    /// Copies a consumed librdkafka message. `pointer` must be the one librdkafka handed out:
    /// the header and timestamp calls find their record from that address.
    static func copyMessage(_ pointer: UnsafeMutablePointer<rd_kafka_message_t>) -> KafkaMessage {
        let raw = pointer.pointee
        var type = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let milliseconds = rd_kafka_message_timestamp(pointer, &type)
        return KafkaMessage(
            topic: raw.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? "",
            partition: raw.partition,
            offset: raw.offset,
            key: raw.key.map { Data(bytes: $0, count: raw.key_len) },
            headers: headers(of: pointer),
            value: raw.payload.map { Data(bytes: $0, count: raw.len) } ?? Data(),
            timestamp: milliseconds >= 0 ? Date(timeIntervalSince1970: Double(milliseconds) / 1000) : nil
        )
    }

    private static func headers(of pointer: UnsafeMutablePointer<rd_kafka_message_t>) -> [KafkaHeader] {
        var headerList: OpaquePointer?
        guard rd_kafka_message_headers(pointer, &headerList) == RD_KAFKA_RESP_ERR_NO_ERROR, let headerList else { return [] }
        var headers: [KafkaHeader] = []
        var index = 0
        var name: UnsafePointer<CChar>?
        var value: UnsafeRawPointer?
        var size = 0
        while rd_kafka_header_get_all(headerList, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
            if let name {
                headers.append(KafkaHeader(name: String(cString: name), value: value.map { Data(bytes: $0, count: size) }))
            }
            index += 1
        }
        return headers
    }
}
