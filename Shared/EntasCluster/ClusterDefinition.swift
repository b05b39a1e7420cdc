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
    /// The cluster's own records beyond the shared ones (tables and routes).
    public var records: [any ClusterRecords]

    public init(cluster: Cluster, defaultPort: Int, programmes: [Programme], records: [any ClusterRecords] = []) {
        self.cluster = cluster
        self.defaultPort = defaultPort
        self.programmes = programmes
        self.records = records
    }

    public var serviceName: String { cluster.serviceName }
    public var executableName: String { "entas-\(cluster.serviceName)" }

    public func programme(_ code: String) -> Programme? { programmes.first { $0.code == code } }

    /// The shared cluster tables, then this cluster's own.
    public func registerMigrations(_ migrator: inout DatabaseMigrator) {
        ClusterMigrations.register(&migrator)
        for records in records { records.registerMigrations(&migrator) }
    }
}
