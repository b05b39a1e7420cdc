import EntasDomain

/// Who may verify a household (verifikasi dan validasi): the clusters named in `ENTAS_VERIFYING_CLUSTERS`
/// (comma-separated, as identifiers or service names: `socialAid`, `social-aid`), social aid (Dinas Sosial,
/// the data steward) when unset. The coordinator counts only their `household.verified` events; a cluster
/// service refuses to record a verification unless its cluster is one of them.
public enum VerifyingClusters {
    public static let defaultClusters: Set<Cluster> = [.socialAid]

    /// The set configured in `environment`.
    /// - Throws: ``ConfigurationError`` naming a word that is not a cluster, or an empty list.
    public static func configured(in environment: [String: String]) throws(ConfigurationError) -> Set<Cluster> {
        let name = EnvironmentVariable.verifyingClusters.rawValue
        guard let text = environment[name] else { return defaultClusters }
        var clusters: Set<Cluster> = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            guard let cluster = Cluster(rawValue: word) ?? Cluster(serviceName: word) else {
                throw ConfigurationError(
                    setting: name, problem: "'\(word.prefix(40))' is not a cluster",
                    fix: "List clusters by identifier, comma-separated: \(Cluster.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            clusters.insert(cluster)
        }
        guard !clusters.isEmpty else {
            throw ConfigurationError(
                setting: name, problem: "names no cluster",
                fix: "Name at least one cluster (socialAid, the data steward, is the default when the variable is unset).")
        }
        return clusters
    }
}
