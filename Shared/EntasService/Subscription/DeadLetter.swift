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

    /// Reason codes of the subscription loop itself (decode errors bring their own codes).
    public enum Reason {
        public static let tooLarge = "too-large"
        public static let applyFailed = "apply-failed"
    }

    static func message(for original: KafkaMessage, reason: String, detail: String, group: String) -> KafkaOutgoingMessage {
        var headers = original.headers.filter { !$0.name.hasPrefix("entas_dead_letter_") && !$0.name.hasPrefix("entas_original_") }
        headers.append(KafkaHeader(name: reasonHeader, string: reason))
        headers.append(KafkaHeader(name: detailHeader, string: detail))
        headers.append(KafkaHeader(name: originalTopicHeader, string: original.topic))
        headers.append(KafkaHeader(name: originalPartitionHeader, string: "\(original.partition)"))
        headers.append(KafkaHeader(name: originalOffsetHeader, string: "\(original.offset)"))
        headers.append(KafkaHeader(name: consumerGroupHeader, string: group))
        return KafkaOutgoingMessage(topic: EntasTopic.deadLetter.rawValue, key: original.key, headers: headers, value: original.value)
    }
}
