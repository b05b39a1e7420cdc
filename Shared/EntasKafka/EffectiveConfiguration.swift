import CRdKafka

/// Every property of a librdkafka client as librdkafka holds it after creation
/// (`rd_kafka_conf_dump` of the client's own configuration): what `KAFKA_*` variables and
/// `--kafka` flags became, under librdkafka's canonical names (`sasl.mechanism` is shown as
/// `sasl.mechanisms`, `bootstrap.servers` as `metadata.broker.list`, `acks` as
/// `request.required.acks`), with its defaults filled in. Secrets are not returned: a property whose
/// name says password or secret reads `(set)`.
public struct EffectiveConfiguration: Sendable, Equatable {
    public let properties: [String: String]

    public subscript(name: String) -> String? { properties[name] }

    /// What a secret's value shows as.
    public static let hidden = "(set)"

    /// True for a property whose value is a secret: a password, a secret, a private key.
    public static func isSecret(_ name: String) -> Bool {
        name.contains("password") || name.contains("secret") || name == "ssl.key.pem" || name == "sasl.oauthbearer.config"
    }
}

extension RdKafkaClient {
    /// The client's configuration as librdkafka holds it, secrets hidden.
    func effectiveConfiguration() -> EffectiveConfiguration {
        guard let conf = rd_kafka_conf(handle) else { return EffectiveConfiguration(properties: [:]) }
        var properties: [String: String] = [:]
        // Topic-level properties (`acks` is `request.required.acks` there) first, then global.
        if let topicConf = rd_kafka_conf_get_default_topic_conf(conf) {
            var count = 0
            if let dump = rd_kafka_topic_conf_dump(topicConf, &count) {
                Self.read(dump, count: count, into: &properties)
                rd_kafka_conf_dump_free(dump, count)
            }
        }
        var count = 0
        if let dump = rd_kafka_conf_dump(conf, &count) {
            Self.read(dump, count: count, into: &properties)
            rd_kafka_conf_dump_free(dump, count)
        }
        return EffectiveConfiguration(properties: properties)
    }

    private static func read(_ dump: UnsafeMutablePointer<UnsafePointer<CChar>?>, count: Int, into properties: inout [String: String]) {
        for index in stride(from: 0, to: count - 1, by: 2) {
            guard let name = dump[index].map({ String(cString: $0) }) else { continue }
            let value = dump[index + 1].map { String(cString: $0) } ?? ""
            properties[name] = EffectiveConfiguration.isSecret(name) && !value.isEmpty ? EffectiveConfiguration.hidden : value
        }
    }
}

extension KafkaProducer {
    /// This producer's configuration as librdkafka holds it (secrets hidden).
    public var effectiveConfiguration: EffectiveConfiguration { client.effectiveConfiguration() }
}

extension KafkaConsumer {
    /// This consumer's configuration as librdkafka holds it (secrets hidden).
    public var effectiveConfiguration: EffectiveConfiguration { client.effectiveConfiguration() }
}
