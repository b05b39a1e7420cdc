import EntasDomain
import EntasKafka
import Foundation

/// What goes to `entas.dead-letter`: the original record (key, headers, value) with headers
/// saying why it was refused and where it came from, so that an operator can fix and replay it.
public enum DeadLetter {
    /// A stable reason code, e.g. `invalid-json`, `unknown-type`, `apply-failed`.
    public static let reasonHeader = "entas_dead_letter_reason"
    /// A human-readable explanation (no KK number, NIK or name in it).
    public static let detailHeader = "entas_dead_letter_detail"
    public static let originalTopicHeader = "entas_original_topic"
    public static let originalPartitionHeader = "entas_original_partition"
    public static let originalOffsetHeader = "entas_original_offset"
    public static let consumerGroupHeader = "entas_consumer_group"
    /// Set when the record's value is not copied (its size in bytes): see ``maximumCopiedValueBytes``.
    public static let valueDroppedHeader = "entas_dead_letter_value_dropped"

    /// Every header a dead letter carries beside the original's (docs/operations.md names each).
    public static let headers = [
        reasonHeader, detailHeader, originalTopicHeader, originalPartitionHeader, originalOffsetHeader, consumerGroupHeader, valueDroppedHeader,
    ]

    /// Values larger than this are not copied into the dead letter: the copy must fit under
    /// the producer's and the brokers' default message limit (1,000,000 bytes) with its
    /// headers, or publishing it would fail for ever and hold the partition. The original
    /// stays on its topic, at the partition and offset the headers give.
    public static let maximumCopiedValueBytes = 900_000
    /// The original headers are copied only up to this many bytes together.
    public static let maximumCopiedHeaderBytes = 64 * 1024

    /// Reason codes of the subscription loop itself (decode errors bring their own codes).
    public enum Reason {
        public static let tooLarge = "too-large"
        public static let applyFailed = "apply-failed"
        /// Both, for the docs' check.
        public static let all = [tooLarge, applyFailed]
    }

    static func message(for original: KafkaMessage, reason: String, detail: String, group: String) -> KafkaOutgoingMessage {
        var headers = original.headers.filter { !$0.name.hasPrefix("entas_dead_letter_") && !$0.name.hasPrefix("entas_original_") }
        // Headers are small in any record a publisher meant; a record whose headers alone would
        // not fit is copied without them.
        if headers.reduce(0, { $0 + $1.name.utf8.count + ($1.value?.count ?? 0) }) > maximumCopiedHeaderBytes { headers = [] }
        headers.append(KafkaHeader(name: reasonHeader, string: reason))
        headers.append(KafkaHeader(name: detailHeader, string: detail))
        headers.append(KafkaHeader(name: originalTopicHeader, string: original.topic))
        headers.append(KafkaHeader(name: originalPartitionHeader, string: "\(original.partition)"))
        headers.append(KafkaHeader(name: originalOffsetHeader, string: "\(original.offset)"))
        headers.append(KafkaHeader(name: consumerGroupHeader, string: group))
        guard original.value.count <= maximumCopiedValueBytes else {
            headers.append(KafkaHeader(name: valueDroppedHeader, string: "\(original.value.count)"))
            return KafkaOutgoingMessage(topic: EntasTopic.deadLetter.rawValue, key: original.key, headers: headers, value: Data())
        }
        return KafkaOutgoingMessage(topic: EntasTopic.deadLetter.rawValue, key: original.key, headers: headers, value: original.value)
    }
}
