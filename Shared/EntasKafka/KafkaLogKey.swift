import Logging

/// Log metadata keys of the Kafka layer, in one place so that logs stay searchable.
/// Values never carry household identity: keys and payloads are not logged.
public enum KafkaLogKey {
    public static let topic = "kafka.topic"
    public static let partition = "kafka.partition"
    public static let offset = "kafka.offset"
    public static let groupID = "kafka.group.id"
    public static let facility = "kafka.facility"
    public static let errorName = "kafka.error"
    public static let bootstrapServers = "kafka.bootstrap.servers"
}
