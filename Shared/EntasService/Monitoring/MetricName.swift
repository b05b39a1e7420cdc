/// Every Prometheus metric an Entas service registers, by the name it has at `/metrics`. The
/// code registers each through this catalogue, and docs/operations.md names each one (a test
/// holds the two together).
public enum MetricName: String, CaseIterable, Sendable {
    /// Events a subscription applied (labels: group, type).
    case eventsApplied = "entas_events_applied_total"
    /// Events a subscription had applied already (an inbox hit).
    case eventsDuplicate = "entas_events_duplicate_total"
    /// Events a subscription sent to `entas.dead-letter`.
    case eventsDeadLettered = "entas_events_dead_lettered_total"
    /// Seconds a subscription's decoding stage spent taking records and decoding, validating and preparing them
    /// (label: group).
    case subscriptionDecodeSeconds = "entas_subscription_decode_seconds_total"
    /// Seconds a subscription's writing stage spent writing batches: the transaction and storing the offsets
    /// (label: group). Rising by about a second a second: the writer is the service's bound.
    case subscriptionWriteSeconds = "entas_subscription_write_seconds_total"
    /// Outbox rows not yet acknowledged by the broker.
    case outboxPending = "entas_outbox_pending"
    /// Outbox rows the relay published.
    case outboxPublished = "entas_outbox_published_total"
    /// Publish attempts of the relay that failed (the rows stay and are sent again).
    case outboxPublishFailures = "entas_outbox_publish_failures_total"
    /// Records of a partition a group has not processed yet (labels: group, topic, partition).
    case consumerLag = "entas_consumer_lag"
}
