import EntasService
import EntasDomain
import Foundation
import EntasStore
import GRDB
import Hummingbird
import Logging
import Prometheus

/// Builds a cluster service: the shared runtime, the shared routes, the cluster's
/// programmes, and its subscription to households and referrals; with a ``CoordinatorLink``, its
/// worklists. The four executables
/// differ only in the `ClusterDefinition` they pass.
public enum ClusterApplication {
    public static func build(
        definition: ClusterDefinition,
        configuration: ServiceConfiguration,
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        logger: Logger,
        coordinator: CoordinatorLink? = nil,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let runtime = try ServiceRuntime(configuration: configuration, registry: registry, logger: logger, migrations: definition.registerMigrations)
        let store = ClusterStore(runtime.database, definition: definition)
        let router = runtime.makeRouter()
        // Every read of a cluster service names households (KK, NIK, names) but its programmes, its commitments
        // and the trail itself: each is recorded in the audit trail.
        let api = runtime.api(
            router,
            personalDataRoutes: { route in
                !["/v1/programmes", "/v1/commitments", "/v1/commitments/{id}", "/v1/audit"].contains(route)
            },
            householdRegion: { kk in
                try await runtime.database.read { db in try HouseholdReplica.fetchOne(db, cachedWhere: "kkNumber", equals: kk)?.desaCode }
            })
        ImportController(store: store).addRoutes(to: api)
        HouseholdController(store: store).addRoutes(to: api)
        MemberController(store: store).addRoutes(to: api)
        MemberImportController(store: store).addRoutes(to: api)
        EnrolmentController(store: store).addRoutes(to: api)
        ReferralController(store: store).addRoutes(to: api)
        CommitmentController(store: store).addRoutes(to: api)
        ProgrammeController(definition: definition).addRoutes(to: api)
        BulkController(store: store, logger: logger).addRoutes(to: api)
        VerificationController(store: store, link: coordinator, verifiers: configuration.verifyingClusters).addRoutes(to: api)
        for controller in definition.controllers { controller.addRoutes(to: api, store: store) }

        let handler = ClusterEventHandler(cluster: definition.cluster)
        var settings = EventSubscription.Settings()
        settings.ownSource = definition.cluster.eventSource
        let subscription = try runtime.subscription(
            group: "entas-\(definition.serviceName)", topics: ClusterEventHandler.topics, settings: settings,
            accepts: handler.accepts
        ) { envelope, db in
            try handler.apply(envelope, db)
        }
        let title = "\(definition.executableName): \(definition.cluster.indonesianName) (\(definition.cluster.agency))"
        return try runtime.application(router: router, title: title, services: [subscription], onServerRunning: onServerRunning)
    }
}
