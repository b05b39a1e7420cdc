import EntasService
import EntasDomain
import GRDB

/// What makes one cluster service differ from another: which cluster it is, its
/// executable's name and port, and its programmes. Everything else is shared.
public struct ClusterDefinition: Sendable {
    public var cluster: Cluster
    /// Default HTTP port (`make run` gives each service its own).
    public var defaultPort: Int
    public var programmes: [Programme]
    /// The cluster's own tables beyond the shared ones: its migrations, named after the
    /// service, append-only, never edited once released (a change is a new migration).
    public var migrations: @Sendable (inout DatabaseMigrator) -> Void
    /// The routes of the cluster's own records.
    public var controllers: [any ClusterController]

    public init(
        cluster: Cluster, defaultPort: Int, programmes: [Programme],
        migrations: @escaping @Sendable (inout DatabaseMigrator) -> Void = { _ in }, controllers: [any ClusterController] = []
    ) {
        self.cluster = cluster
        self.defaultPort = defaultPort
        self.programmes = programmes
        self.migrations = migrations
        self.controllers = controllers
    }

    public var serviceName: String { cluster.serviceName }
    public var executableName: String { "entas-\(cluster.serviceName)" }

    public func programme(_ code: String) -> Programme? { programmes.first { $0.code == code } }

    /// The shared cluster tables, then this cluster's own.
    public func registerMigrations(_ migrator: inout DatabaseMigrator) {
        ClusterMigrations.register(&migrator)
        migrations(&migrator)
    }
}
