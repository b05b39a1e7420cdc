/// Every property of a librdkafka client as librdkafka holds it after creation
/// (librdkafka's dump of the client's own configuration): what `KAFKA_*` variables and
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

extension KafkaProducer {
    /// This producer's configuration as librdkafka holds it (secrets hidden).
    public var effectiveConfiguration: EffectiveConfiguration { client.effectiveConfiguration() }
}

extension KafkaConsumer {
    /// This consumer's configuration as librdkafka holds it (secrets hidden).
    public var effectiveConfiguration: EffectiveConfiguration { client.effectiveConfiguration() }
}
