import EntasDomain
import EntasKafka

/// What `entas topics create` and `entas dev` (on an external cluster) print for each topic, in the
/// current language: `entas.households  created        8 partitions, 3 replicas, kept forever`.
public enum TopicCreationText {
    public static func describe(_ creation: TopicCreation) -> String {
        let topic = creation.topic
        let name = topic.name.padding(toLength: 18, withPad: " ", startingAt: 0)
        let created = Message("dev.topic.created").rendered(), existed = Message("dev.topic.existed").rendered()
        let width = max(created.count, existed.count) + 2
        func column(_ text: String) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        switch creation.outcome {
        case .created:
            let retention: Message
            if let milliseconds = topic.configs["retention.ms"].flatMap({ Int64($0) }), milliseconds >= 0 {
                retention = Message("dev.topic.keptDays", .count(Int(milliseconds / 86_400_000)))
            } else {
                retention = Message("dev.topic.keptForever")
            }
            let layout = Message(
                "dev.topic.layout", .message(partitions(topic.partitions)), .message(Message("dev.topic.replicas", .count(topic.replicationFactor))),
                .message(retention))
            return name + " " + column(created) + layout.rendered()
        case .alreadyExisted(let count?) where count != topic.partitions:
            return name + " " + column(existed) + Message("dev.topic.otherLayout", .message(partitions(count)), .count(topic.partitions)).rendered()
        case .alreadyExisted(let count):
            let left = Message("dev.topic.leftAlone").rendered()
            return name + " " + column(existed) + (count.map { partitions($0).rendered() + "; " } ?? "") + left
        }
    }

    private static func partitions(_ count: Int) -> Message { Message("dev.topic.partitions", .count(count)) }
}
