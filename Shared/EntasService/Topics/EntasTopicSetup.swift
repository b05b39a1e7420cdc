import EntasDomain
import EntasKafka
import Logging

/// Creates the Entas topics on a cluster through the admin API (`CreateTopics`), as
/// `entas topics create` and `entas dev` on an external broker do: each missing topic with its
/// partitions, retention and cleanup (``EntasTopic/specification(replicationFactor:)``); a topic
/// that exists is left alone and reported.
public enum EntasTopicSetup {
    /// Creates the missing topics and says what happened to each, in `EntasTopic` order.
    @discardableResult
    public static func createTopics(
        settings: KafkaSettings, replicationFactor: Int, timeout: Duration = .seconds(30), logger: Logger
    ) async throws(KafkaError) -> [TopicCreation] {
        let admin = try KafkaAdmin(settings: settings, logger: logger)
        return try await admin.createTopics(EntasTopic.specifications(replicationFactor: replicationFactor), timeout: timeout)
    }

    /// One line per topic: `entas.households  created  8 partitions, 3 replicas, kept forever`.
    public static func describe(_ creation: TopicCreation) -> String {
        let topic = creation.topic
        let name = topic.name.padding(toLength: 18, withPad: " ", startingAt: 0)
        switch creation.outcome {
        case .created:
            return "\(name) created        \(plural(topic.partitions, "partition")), \(plural(topic.replicationFactor, "replica")), \(retention(topic))"
        case .alreadyExisted(let partitions?) where partitions != topic.partitions:
            return "\(name) already there  \(plural(partitions, "partition")) (Entas lays it out with \(topic.partitions)); left alone"
        case .alreadyExisted(let partitions):
            return "\(name) already there  \(partitions.map { plural($0, "partition") + "; " } ?? "")left alone"
        }
    }

    private static func retention(_ topic: TopicSpecification) -> String {
        guard let milliseconds = topic.configs["retention.ms"].flatMap({ Int64($0) }), milliseconds >= 0 else { return "kept forever" }
        return "kept \(milliseconds / 86_400_000) days"
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
