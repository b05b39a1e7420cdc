/// What creating one topic did: created it, or found it there and left it alone.
public struct TopicCreation: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case created
        /// The topic was there already, with this many partitions (nil when it appeared while
        /// the request was on its way); its settings were not changed.
        case alreadyExisted(partitions: Int?)
    }

    public var topic: TopicSpecification
    public var outcome: Outcome

    public init(topic: TopicSpecification, outcome: Outcome) {
        self.topic = topic
        self.outcome = outcome
    }
}
