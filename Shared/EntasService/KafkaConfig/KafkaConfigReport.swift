import EntasDomain
import EntasKafka
import Foundation
import Logging

/// What `entas-<service> kafka-config` prints: the configuration librdkafka holds for the
/// producer and for the consumer that `serve` would build from the same flags and `KAFKA_*`
/// variables, read back from the clients themselves (`rd_kafka_conf_dump`), so an operator
/// sees what each variable became, under librdkafka's own names, before starting the service.
///
/// Secrets never appear: ``EffectiveConfiguration`` shows a password or secret as `(set)`, and
/// the report also hides any value equal to a secret property it was given.
public struct KafkaConfigReport: Sendable, Equatable {
    /// Each client's properties, by librdkafka name.
    public let producer: [String: String]
    public let consumer: [String: String]

    /// Creates the producer and the consumer exactly as `serve` does (the same settings, the
    /// same group and topics), reads their configuration and closes them at once. No record is
    /// produced and no group is joined; the store is not opened. librdkafka may begin to
    /// connect to a bootstrap broker in the moment the clients exist, so brokers that cannot be
    /// reached change nothing here.
    /// - Parameter subscription: the settings of `serve`'s subscription (its read-ahead).
    public static func read(
        configuration: ServiceConfiguration, group: String, topics: [EntasTopic],
        subscription: EventSubscription.Settings = EventSubscription.Settings(), logger: Logger
    ) async throws -> KafkaConfigReport {
        let producer = try KafkaProducer(settings: configuration.kafka, logger: logger)
        let consumer = try KafkaConsumer(
            settings: ServiceRuntime.consumerSettings(configuration, group: group, topics: topics, subscription: subscription),
            logger: logger)
        let report = KafkaConfigReport(
            producer: producer.effectiveConfiguration.properties, consumer: consumer.effectiveConfiguration.properties,
            secrets: secretValues(of: configuration.kafka))
        await consumer.close()
        await producer.shutdown()
        return report
    }

    /// A report of `producer` and `consumer`, with every value in `secrets` shown as `(set)`.
    init(producer: [String: String], consumer: [String: String], secrets: Set<String>) {
        func hiding(_ properties: [String: String]) -> [String: String] {
            properties.mapValues { secrets.contains($0) ? EffectiveConfiguration.hidden : $0 }
        }
        self.producer = hiding(producer)
        self.consumer = hiding(consumer)
    }

    /// The values of the given properties whose names say password or secret.
    static func secretValues(of settings: KafkaSettings) -> Set<String> {
        Set(settings.properties.filter { EffectiveConfiguration.isSecret($0.key) && !$0.value.isEmpty }.map(\.value))
    }

    /// `[producer]` and `[consumer]`, each followed by its `name=value` lines sorted by name.
    public var text: String {
        func section(_ title: String, _ properties: [String: String]) -> String {
            (["[\(title)]"] + properties.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: "\n")
        }
        return section("producer", producer) + "\n\n" + section("consumer", consumer) + "\n"
    }

    /// `{"consumer": {name: value, …}, "producer": {…}}`, keys sorted.
    public var json: String {
        let object = ["producer": producer, "consumer": consumer]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
