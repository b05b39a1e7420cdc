import EntasDomain

/// What makes one cluster service differ from another: which cluster it is, its
/// executable's name and port, and its programmes. Everything else is shared.
public struct ClusterDefinition: Sendable {
    public var cluster: Cluster
    /// Default HTTP port (`make run` gives each service its own).
    public var defaultPort: Int
    public var programmes: [Programme]

    public init(cluster: Cluster, defaultPort: Int, programmes: [Programme]) {
        self.cluster = cluster
        self.defaultPort = defaultPort
        self.programmes = programmes
    }

    public var serviceName: String { cluster.serviceName }
    public var executableName: String { "entas-\(cluster.serviceName)" }

    public func programme(_ code: String) -> Programme? { programmes.first { $0.code == code } }
}
