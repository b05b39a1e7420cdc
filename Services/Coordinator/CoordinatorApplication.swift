import EntasAPI
import EntasDomain
import EntasService
import EntasStore
import Foundation
import GRDB
import Hummingbird
import Logging
import Metrics
import Prometheus

/// Builds the coordinator: its read model fed by a subscription to every Entas topic, and
/// the token-protected read API over it.
enum CoordinatorApplication {
    /// Every topic the coordinator consumes.
    static let topics: [EntasTopic] = [.households, .socialAid, .empowerment, .umkm, .lowCost]
    static let consumerGroup = "entas-coordinator"
    /// Up to 8,192 events per transaction (the cluster services keep 256): the read model applies a batch
    /// household by household and writes the region tables once per batch, so larger batches cost less per
    /// event. What malloc keeps of each batch is handed back after it (``EventSubscription/Settings/releasesFreedMemory``):
    /// without that, 8,192 took the scale step's memory to 276–293 MB at 1,000,000 households, with it 242 MB
    /// (docs/performance.md). The consumer reads about one batch ahead (8 MiB, ``EventSubscription/Settings/readAheadKiB``),
    /// not librdkafka's 64 MiB. The rebuild applies the same batches.
    static let subscriptionSettings: EventSubscription.Settings = {
        var settings = EventSubscription.Settings()
        settings.maximumBatch = 8_192
        settings.releasesFreedMemory = true
        return settings
    }()

    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        CoordinatorMigrations.register(&migrator)
    }

    static func build(
        configuration: ServiceConfiguration, secret: HouseholdKeySecret,
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let runtime = try ServiceRuntime(
            configuration: configuration, registry: registry, logger: logger, writerCacheKiB: EntasDatabase.readModelWriterCacheKiB,
            migrations: registerMigrations)
        let readModel = CoordinatorReadModel(secret: secret, verifiers: configuration.verifyingClusters)
        let subscription = try runtime.subscription(
            group: consumerGroup, topics: topics, settings: subscriptionSettings, preparedHandler: readModel.handler)
        let queries = CoordinatorQueries(runtime.database)
        let router = runtime.makeRouter()
        let api = runtime.api(router, readRoutes: ["/v1/flags"])
        RegionViewController(queries: queries).addRoutes(to: api)
        HouseholdViewController(queries: queries, secret: secret).addRoutes(to: api)
        CaseController(queries: queries, secret: secret).addRoutes(to: api)
        FreshnessController(queries: queries, subscription: subscription).addRoutes(to: api)
        CycleController(queries: queries).addRoutes(to: api)
        TargetController(queries: queries, store: TargetStore(writer: runtime.database, reference: .eastJava)).addRoutes(to: api)
        DashboardController(runtime: runtime, queries: queries, subscription: subscription, secret: secret).addRoutes(to: runtime.root(router))
        return try runtime.application(
            router: router, title: "entas-coordinator: consensus views of the four clusters (Bappeda)", services: [subscription],
            onServerRunning: onServerRunning)
    }
}
