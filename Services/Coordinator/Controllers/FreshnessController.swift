import EntasAPI
import EntasKafka
import EntasService
import Foundation
import Hummingbird

/// `GET /v1/freshness`: how current the views are: the last event applied and the consumer
/// lag per topic and partition.
struct FreshnessController: Sendable {
    let queries: CoordinatorQueries
    let subscription: EventSubscription

    struct Report: ResponseEncodable, Sendable {
        var lastEventTime: Date?
        var eventsApplied: Int
        var consumerGroup: String
        var totalLag: Int64
        var partitions: [PartitionLag]
        /// Set when the lag is not known yet (no partition fetched from).
        var lagUnavailable: String?
    }

    struct PartitionLag: Codable, Sendable {
        var topic: String
        var partition: Int32
        var committed: Int64?
        var highWatermark: Int64
        var lag: Int64
    }

    func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        group.get("freshness", summary: "Time of the last event applied, events applied, and consumer lag per topic and partition") { _, _ in
            let freshness = try await queries.freshness()
            var report = Report(
                lastEventTime: freshness.lastEventTime, eventsApplied: freshness.eventsApplied,
                consumerGroup: subscription.groupID, totalLag: 0, partitions: [], lagUnavailable: nil)
            report.partitions = subscription.positions()
                .sorted { ($0.topic, $0.partition) < ($1.topic, $1.partition) }
                .map { PartitionLag(topic: $0.topic, partition: $0.partition, committed: $0.committed, highWatermark: $0.highWatermark, lag: $0.lag) }
            report.totalLag = report.partitions.reduce(0) { $0 + $1.lag }
            if report.partitions.isEmpty {
                report.lagUnavailable = "the consumer owns no partition it has fetched from yet (joining its group, or another member has them)"
            }
            return report
        }
    }
}
