import EntasDomain
import EntasKafka
import EntasStore
import Foundation
import GRDB
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import Synchronization

/// What every Entas service is made of, assembled once: its SQLite store (shared tables, the
/// token table, then the service's own migrations), the Kafka producer and outbox relay, its
/// event subscriptions, and the HTTP router with problem documents, request logging,
/// metrics, token authentication, `/health`, `/metrics` and `/openapi.json`.
///
/// Services are started producer first, then relay, then subscriptions, then HTTP, so that
/// on shutdown HTTP stops first and the producer flushes last.
public final class ServiceRuntime: Sendable {
    public let configuration: ServiceConfiguration
    public let database: DatabasePool
    public let outbox: Outbox
    public let producer: KafkaProducer
    public let tokens: TokenStore
    public let logger: Logger
    public let registry: PrometheusCollectorRegistry
    private let admin: KafkaAdmin
    /// Every route of the service, declared where it is registered; `/openapi.json` is made from it.
    public let routes = RouteBook()
    /// The subscriptions made through this runtime, for their lag in `/metrics`.
    private let subscriptions = Mutex<[EventSubscription]>([])

    /// Opens the store and the Kafka clients. Migrations finish here, before any request.
    public init(
        configuration: ServiceConfiguration,
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        logger: Logger,
        writerCacheKiB: Int = EntasDatabase.writerCacheKiB,
        migrations: (inout DatabaseMigrator) -> Void
    ) throws {
        var logger = logger
        logger[metadataKey: EntasLogKey.service] = "\(configuration.serviceName)"
        self.database = try EntasDatabase.openPool(
            at: configuration.databasePath, migrator: Self.migrator(migrations), writerCacheKiB: writerCacheKiB,
            walAutocheckpointPages: EntasDatabase.checkpointedWalAutocheckpointPages)
        self.configuration = configuration
        self.outbox = Outbox(database)
        self.producer = try KafkaProducer(settings: configuration.kafka, logger: logger)
        self.admin = try KafkaAdmin(settings: configuration.kafka, logger: logger)
        self.tokens = TokenStore(database, service: configuration.serviceName)
        self.registry = registry
        self.logger = logger
    }

    /// Every migration of a service: the shared tables, the token table, then its own.
    public static func migrator(_ migrations: (inout DatabaseMigrator) -> Void) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        EntasDatabase.registerSharedMigrations(&migrator)
        ServiceToken.registerMigration(&migrator)
        migrations(&migrator)
        AuditEntry.registerMigration(&migrator)
        return migrator
    }

    /// A subscription of this service: its own consumer group, the handler inside the inbox
    /// transaction, dead letters through this service's producer.
    public func subscription(
        group: String, topics: [EntasTopic], settings: EventSubscription.Settings = EventSubscription.Settings(),
        accepts: @escaping EventSubscription.Filter = { _ in true }, handler: @escaping EventSubscription.Handler
    ) throws -> EventSubscription {
        try subscription(
            group: group, topics: topics, settings: settings, accepts: accepts, batchHandler: EventSubscription.each(handler))
    }

    /// ``subscription(group:topics:accepts:handler:)`` with a handler that gets the new events of each
    /// transaction together, up to `settings.maximumBatch` of them.
    public func subscription(
        group: String, topics: [EntasTopic], settings: EventSubscription.Settings = EventSubscription.Settings(),
        accepts: @escaping EventSubscription.Filter = { _ in true }, batchHandler: @escaping EventSubscription.BatchHandler
    ) throws -> EventSubscription {
        try subscription(
            group: group, topics: topics, settings: settings, accepts: accepts,
            preparedHandler: EventSubscription.PreparedBatchHandler(prepare: { $0 }, apply: batchHandler))
    }

    /// ``subscription(group:topics:accepts:batchHandler:)`` with a handler that prepares each event as it is
    /// decoded, beside the batch being written (``EventSubscription/PreparedBatchHandler``).
    public func subscription<Prepared>(
        group: String, topics: [EntasTopic], settings: EventSubscription.Settings = EventSubscription.Settings(),
        accepts: @escaping EventSubscription.Filter = { _ in true }, preparedHandler: EventSubscription.PreparedBatchHandler<Prepared>
    ) throws -> EventSubscription {
        let consumer = try KafkaConsumer(
            settings: Self.consumerSettings(configuration, group: group, topics: topics, subscription: settings),
            logger: logger)
        let subscription = EventSubscription(
            consumer: consumer, inbox: Inbox(database), deadLetters: producer, settings: settings, logger: logger, accepts: accepts,
            preparedHandler: preparedHandler)
        subscriptions.withLock { $0.append(subscription) }
        return subscription
    }

    /// The settings of a subscription's consumer: the service's Kafka settings, with the group
    /// in its client id (`entas-social-aid-entas-social-aid`), reading ahead as `subscription` says.
    public static func consumerSettings(
        _ configuration: ServiceConfiguration, group: String, topics: [EntasTopic],
        subscription: EventSubscription.Settings = EventSubscription.Settings()
    ) -> KafkaConsumerSettings {
        var kafka = configuration.kafka
        kafka.clientID = "\(configuration.kafka.clientID)-\(group)"
        return KafkaConsumerSettings(kafka: kafka, groupID: group, topics: topics.map(\.rawValue), readAheadKiB: subscription.readAheadKiB)
    }

    /// A router with the shared middleware and the open operational routes. Mount the
    /// service's API on `api(router)`.
    public func makeRouter() -> Router<AgencyRequestContext> {
        let router = Router(context: AgencyRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: LanguageMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: TokenAuthenticator(tokens: tokens))
        let open = root(router)
        HealthController(database: database, outbox: outbox, admin: admin, producer: producer, logger: logger).addRoutes(to: open)
        MetricsController(registry: registry) { [self] in
            if let pending = try? await outbox.pendingCount() {
                Gauge(label: MetricName.outboxPending.rawValue).record(pending)
            }
            for subscription in subscriptions.withLock({ $0 }) {
                for position in subscription.positions() {
                    Gauge(
                        label: MetricName.consumerLag.rawValue,
                        dimensions: [("group", subscription.groupID), ("topic", position.topic), ("partition", "\(position.partition)")]
                    ).record(position.lag)
                }
            }
        }.addRoutes(to: open)
        return router
    }

    /// The token-protected `/v1` group of a router made by `makeRouter`, whose routes are declared
    /// with their summaries as they are registered; its requests are written to the audit trail
    /// (``AuditMiddleware``), which `GET /v1/audit` shows an admin.
    /// - Parameters:
    ///   - personalDataRoutes: the route templates whose answers name people (recorded as reads).
    ///   - householdRegion: where a `{kk}` route's household lives, for its audit entry.
    ///   - readRoutes: POST routes that change nothing, open to a `read` token.
    public func api(
        _ router: Router<AgencyRequestContext>, readRoutes: Set<String> = [],
        personalDataRoutes: @escaping @Sendable (String) -> Bool = { _ in false },
        householdRegion: @escaping @Sendable (KKNumber) async throws -> RegionCode? = { _ in nil }
    ) -> DocumentedRoutes<AgencyRequestContext> {
        let audit = AuditMiddleware(database: database, personalDataRoutes: personalDataRoutes, householdRegion: householdRegion)
        let api = DocumentedRoutes(
            router.group("v1").add(middleware: RequireTokenMiddleware(readRoutes: readRoutes)).add(middleware: audit),
            book: routes, path: "/v1")
        AuditController(database: database, executable: "entas-\(configuration.serviceName)").addRoutes(to: api)
        return api
    }

    /// The routes at the root of a router (operational routes, the dashboard), declared likewise.
    public func root(_ router: Router<AgencyRequestContext>) -> DocumentedRoutes<AgencyRequestContext> {
        DocumentedRoutes(router.group(), book: routes, path: "")
    }

    /// The application: HTTP on the configured address, with the producer, the store's checkpointer
    /// (``WALCheckpointer``), the outbox relay and `services` (subscriptions) in its service group. `/openapi.json` (titled `title`) is
    /// generated here, from every route registered by then and its declaration.
    /// - Throws: ``UndeclaredRoute`` when a route was registered without its declaration.
    public func application(
        router: Router<AgencyRequestContext>, title: String, services: [any Service],
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        try OpenAPIDocument(title: title, book: routes).addRoute(to: router)
        let relay = OutboxRelay(outbox: outbox, producer: producer, logger: logger)
        return Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.httpHost, port: configuration.httpPort),
                serverName: "entas-\(configuration.serviceName)"),
            services: [producer, WALCheckpointer(path: configuration.databasePath, logger: logger), relay] + services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}
