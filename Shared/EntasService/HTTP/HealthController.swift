import EntasKafka
import EntasStore
import Foundation
import GRDB
import Hummingbird
import Logging

/// `GET /health`: ready (200) only when the store answers and Kafka's brokers do; 503 with
/// the failing check otherwise. Open without a token, for load balancers and systemd.
///
/// The route is open, so a failing check says only which part failed and where to look; the
/// error itself (file paths, broker addresses) goes to the service's log.
public struct HealthController: Sendable {
    let database: any DatabaseReader
    let outbox: Outbox
    let admin: KafkaAdmin
    let producer: KafkaProducer
    let logger: Logger

    /// What a failing check answers, by part.
    enum Unavailable {
        static let database = "unavailable: the store did not answer; the service's log has the error"
        static let kafka = "unavailable: no Kafka broker answered within 2 s; the service's log has the error"
    }

    public struct Health: ResponseEncodable, Sendable {
        public var status: String
        public var database: String
        public var kafka: String
        /// `ok`, or how often the producer recreated its client after a fatal error.
        public var producer: String
        public var outboxPending: Int?
    }

    public func addRoutes(to router: DocumentedRoutes<AgencyRequestContext>) {
        router.get("health", summary: "Ready when the store and Kafka answer (no token needed)") { _, _ in try await self.check() }
    }

    func check() async throws -> EditedResponse<Health> {
        var health = Health(status: "ok", database: "ok", kafka: "ok", producer: "ok", outboxPending: nil)
        do {
            _ = try await database.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
            health.outboxPending = try await outbox.pendingCount()
        } catch {
            logger.error("Health check: the store did not answer", metadata: ["error": "\(error)"])
            health.database = Unavailable.database
            health.status = "unavailable"
        }
        do {
            _ = try await admin.listTopics(timeout: .seconds(2))
        } catch {
            logger.warning("Health check: no Kafka broker answered", metadata: ["error": "\(error)"])
            health.kafka = Unavailable.kafka
            health.status = "unavailable"
        }
        let producerHealth = producer.health
        if let name = producerHealth.lastFatalError, let at = producerHealth.lastFatalAt {
            let when = at.formatted(.iso8601)
            if producerHealth.isBroken {
                health.producer = "unavailable: the client could not be recreated after a fatal error (\(name) at \(when)); restart the service"
                health.status = "unavailable"
            } else {
                health.producer = "recreated \(producerHealth.restarts) time(s) after a fatal error; the last: \(name) at \(when)"
            }
        }
        return EditedResponse(status: health.status == "ok" ? .ok : .serviceUnavailable, response: health)
    }
}
