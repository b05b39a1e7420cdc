import EntasKafka
import EntasStore
import Foundation
import GRDB
import Hummingbird

/// `GET /health`: ready (200) only when the store answers and Kafka's brokers do; 503 with
/// the failing check otherwise. Open without a token, for load balancers and systemd.
public struct HealthController: Sendable {
    let database: any DatabaseReader
    let outbox: Outbox
    let admin: KafkaAdmin

    public struct Health: ResponseEncodable, Sendable {
        public var status: String
        public var database: String
        public var kafka: String
        public var outboxPending: Int?
    }

    public func addRoutes(to router: Router<AgencyRequestContext>) {
        router.get("health") { _, _ in try await self.check() }
    }

    func check() async throws -> EditedResponse<Health> {
        var health = Health(status: "ok", database: "ok", kafka: "ok", outboxPending: nil)
        do {
            _ = try await database.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
            health.outboxPending = try await outbox.pendingCount()
        } catch {
            health.database = "unavailable: \(error)"
            health.status = "unavailable"
        }
        do {
            _ = try await admin.listTopics(timeout: .seconds(2))
        } catch {
            health.kafka = "unavailable: \(error)"
            health.status = "unavailable"
        }
        return EditedResponse(status: health.status == "ok" ? .ok : .serviceUnavailable, response: health)
    }
}
