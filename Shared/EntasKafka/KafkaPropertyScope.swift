/// Which clients a librdkafka property is for, as librdkafka's CONFIGURATION.md marks it: `C`
/// (consumers only), `P` (producers only) or `*` (every client). A property set on the other kind
/// of client is ignored by librdkafka with a `CONFWARN` log line, so `KAFKA_*` and `--kafka`
/// properties reach only the clients they are for.
public enum KafkaPropertyScope: Sendable, Equatable {
    case consumer, producer, every

    /// The scope of `name` (a librdkafka property name, global or topic-level).
    public init(of name: String) {
        if Self.consumerOnly.contains(name) {
            self = .consumer
        } else if Self.producerOnly.contains(name) {
            self = .producer
        } else {
            self = .every
        }
    }

    /// Whether a client of `kind` takes a property of this scope.
    func applies(to kind: RdKafkaClient.Kind) -> Bool {
        switch (self, kind) {
        case (.every, _), (.consumer, .consumer), (.producer, .producer): true
        default: false
        }
    }

    /// `C` properties of librdkafka 2.0.2 to 2.16 (global and topic-level).
    static let consumerOnly: Set<String> = [
        "auto.commit.enable", "auto.commit.interval.ms", "auto.offset.reset", "check.crcs",
        "consume.callback.max.messages", "consume_cb", "coordinator.query.interval.ms", "enable.auto.commit",
        "enable.auto.offset.store", "enable.partition.eof", "fetch.error.backoff.ms", "fetch.max.bytes",
        "fetch.message.max.bytes", "fetch.min.bytes", "fetch.queue.backoff.ms", "fetch.wait.max.ms", "group.id",
        "group.instance.id", "group.protocol", "group.protocol.type", "group.remote.assignor", "heartbeat.interval.ms",
        "isolation.level", "max.partition.fetch.bytes", "max.poll.interval.ms", "offset.store.method",
        "offset.store.path", "offset.store.sync.interval.ms", "offset_commit_cb", "partition.assignment.strategy",
        "queued.max.messages.kbytes", "queued.min.messages", "rebalance_cb", "session.timeout.ms",
    ]

    /// `P` properties of librdkafka 2.0.2 to 2.16 (global and topic-level).
    static let producerOnly: Set<String> = [
        "acks", "batch.num.messages", "batch.size", "compression.codec", "compression.level", "compression.type",
        "delivery.report.only.error", "delivery.timeout.ms", "dr_cb", "dr_msg_cb", "enable.gapless.guarantee",
        "enable.idempotence", "linger.ms", "message.send.max.retries", "message.timeout.ms", "msg_order_cmp",
        "partitioner", "partitioner_cb", "produce.offset.report", "queue.buffering.backpressure.threshold",
        "queue.buffering.max.kbytes", "queue.buffering.max.messages", "queue.buffering.max.ms", "queuing.strategy",
        "request.required.acks", "request.timeout.ms", "retries", "sticky.partitioning.linger.ms",
        "transaction.timeout.ms", "transactional.id",
    ]
}
