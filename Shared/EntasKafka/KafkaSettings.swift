/// Connection settings shared by every Kafka client: the bootstrap servers, a client id, and
/// any librdkafka property passed through verbatim (`security.protocol=SASL_SSL`,
/// `sasl.mechanism=SCRAM-SHA-512`, `ssl.ca.location=…`), so that a production cluster with
/// SASL/SSL needs no code change.
public struct KafkaSettings: Sendable, Hashable {
    /// `bootstrap.servers`: comma-separated `host:port` list.
    public var bootstrapServers: String
    /// `client.id`, shown in broker logs and metrics.
    public var clientID: String
    /// Further librdkafka properties, by their librdkafka names. They are applied after the
    /// properties Entas sets, so they can override them.
    public var properties: [String: String]

    public init(bootstrapServers: String, clientID: String = "entas", properties: [String: String] = [:]) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.properties = properties
    }

    /// Every property as a client of `kind` will see it: Entas's defaults first, the caller's
    /// last, leaving out the caller's properties that are for the other kind of client
    /// (``KafkaPropertyScope``), which librdkafka would only warn about.
    func librdkafkaProperties(defaults: [String: String], for kind: RdKafkaClient.Kind) -> [String: String] {
        var all = defaults
        all["bootstrap.servers"] = bootstrapServers
        all["client.id"] = clientID
        for (key, value) in properties where KafkaPropertyScope(of: key).applies(to: kind) { all[key] = value }
        return all
    }
}

/// Settings of a consumer group member.
public struct KafkaConsumerSettings: Sendable, Hashable {
    public var kafka: KafkaSettings
    /// `group.id`: members of one group share the partitions; each group sees every message.
    public var groupID: String
    public var topics: [String]
    /// Where a group with no committed offset starts: `earliest` (default) or `latest`.
    public var startFrom: StartOffset

    /// `queued.max.messages.kbytes`: how much librdkafka fetches ahead of what the consumer has taken, in KiB
    /// of record values; nil leaves librdkafka's default (64 MiB). A `queued.max.messages.kbytes` among
    /// ``KafkaSettings/properties`` wins over it.
    public var readAheadKiB: Int?

    public enum StartOffset: String, Sendable, Hashable { case earliest, latest }

    public init(
        kafka: KafkaSettings, groupID: String, topics: [String], startFrom: StartOffset = .earliest, readAheadKiB: Int? = nil
    ) {
        self.kafka = kafka
        self.groupID = groupID
        self.topics = topics
        self.startFrom = startFrom
        self.readAheadKiB = readAheadKiB
    }
}
