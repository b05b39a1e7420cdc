import EntasDomain

/// Short cluster names for narrow columns.
enum ClusterLabels {
    /// SA, CE, UMKM, LC (BS, PM, UMKM, PR in Bahasa Indonesia).
    static func short(_ cluster: Cluster) -> String {
        switch cluster {
        case .socialAid: Message("cli.cluster.short.socialAid").rendered()
        case .communityEmpowerment: Message("cli.cluster.short.empowerment").rendered()
        case .enterprise: Message("cli.cluster.short.enterprise").rendered()
        case .lowCost: Message("cli.cluster.short.lowCost").rendered()
        }
    }

    /// `CE,LC`, or `-` for none.
    static func list(_ clusters: [Cluster]) -> String {
        clusters.isEmpty ? "-" : clusters.map(short).joined(separator: ",")
    }
}
