import EntasDomain

/// Short cluster names for narrow columns.
enum ClusterLabels {
    /// SA, CE, UMKM, LC.
    static func short(_ cluster: Cluster) -> String {
        switch cluster {
        case .socialAid: "SA"
        case .communityEmpowerment: "CE"
        case .enterprise: "UMKM"
        case .lowCost: "LC"
        }
    }

    /// `CE,LC`, or `-` for none.
    static func list(_ clusters: [Cluster]) -> String {
        clusters.isEmpty ? "-" : clusters.map(short).joined(separator: ",")
    }
}
