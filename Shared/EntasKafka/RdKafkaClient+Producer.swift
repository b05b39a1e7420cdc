import CRdKafka
import Foundation

/// The producer's calls: handing records over, serving delivery reports, flushing.
extension RdKafkaClient {
    /// Serves delivery reports and callbacks, waiting up to `timeout` for one (blocking: call
    /// on a worker).
    func poll(timeout: Duration) {
        rd_kafka_poll(handle, timeout.kafkaMilliseconds)
    }

    /// Hands a record to librdkafka; nil when it was queued (its report comes later, to the
    /// delivery table, under `opaque`). A `_QUEUE_FULL` error is back-pressure.
    /// - Parameter arena: memory for the record's strings and bytes, reused from record to record.
    func produce(_ message: KafkaOutgoingMessage, opaque: UInt, arena: inout CArena) -> KafkaError? {
        var reserved = CArena.size(of: message.topic) + max(message.key?.count ?? 0, 1) + max(message.value.count, 1)
        for header in message.headers {
            reserved += CArena.size(of: header.name) + max(header.value?.count ?? 0, 1)
        }
        arena.reset(reserving: reserved)
        var fields: [rd_kafka_vu_t] = []
        fields.reserveCapacity(5 + message.headers.count)
        func field(_ type: rd_kafka_vtype_t, _ fill: (inout rd_kafka_vu_t) -> Void) {
            var field = rd_kafka_vu_t()
            field.vtype = type
            fill(&field)
            fields.append(field)
        }
        let topic = arena.string(message.topic)
        field(RD_KAFKA_VTYPE_TOPIC) { $0.u.cstr = UnsafePointer(topic) }
        if let key = message.key {
            let bytes = arena.bytes(key)
            field(RD_KAFKA_VTYPE_KEY) { $0.u.mem.ptr = bytes; $0.u.mem.size = key.count }
        }
        let value = arena.bytes(message.value)
        field(RD_KAFKA_VTYPE_VALUE) { $0.u.mem.ptr = value; $0.u.mem.size = message.value.count }
        field(RD_KAFKA_VTYPE_MSGFLAGS) { $0.u.i = RD_KAFKA_MSG_F_COPY }
        field(RD_KAFKA_VTYPE_OPAQUE) { $0.u.ptr = UnsafeMutableRawPointer(bitPattern: opaque) }
        for header in message.headers {
            let name = arena.string(header.name)
            let value = header.value.map { arena.bytes($0) }
            field(RD_KAFKA_VTYPE_HEADER) {
                $0.u.header.name = UnsafePointer(name)
                $0.u.header.val = UnsafeRawPointer(value)
                $0.u.header.size = header.value.map { $0.count } ?? -1
            }
        }
        let error = fields.withUnsafeMutableBufferPointer { buffer in
            rd_kafka_produceva(handle, buffer.baseAddress, buffer.count)
        }
        return error.map { Self.error(.produce, consuming: $0) }
    }

    /// Waits up to `timeout` for every queued record to be acknowledged (blocking: call on a
    /// worker). True when nothing is left.
    func flush(timeout: Duration) -> Bool {
        rd_kafka_flush(handle, timeout.kafkaMilliseconds) == RD_KAFKA_RESP_ERR_NO_ERROR
    }

    /// Records handed over but not yet acknowledged (and other queued events).
    var outgoingQueueLength: Int32 { rd_kafka_outq_len(handle) }

    /// Makes librdkafka raise a fatal error, as a broken idempotence sequence would (for tests:
    /// there is no other way to cause one on purpose).
    func raiseFatalErrorForTesting() {
        _ = rd_kafka_test_fatal_error(handle, RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER, "raised by a test")
    }
}
