import EntasDomain
import Foundation

/// Where `entas import` sends a file: the cluster service, its URL and token, from flags or
/// `ENTAS_<SERVICE>_URL` / `ENTAS_<SERVICE>_TOKEN` (`ENTAS_SOCIAL_AID_TOKEN`).
enum ImportTarget {
    /// The default port of each cluster service (docs/services.md).
    static func defaultPort(_ cluster: Cluster) -> Int {
        switch cluster {
        case .socialAid: 8081
        case .communityEmpowerment: 8082
        case .enterprise: 8083
        case .lowCost: 8084
        }
    }

    /// `SOCIAL_AID`, `EMPOWERMENT`, `UMKM`, `LOW_COST`.
    static func variablePart(_ cluster: Cluster) -> String {
        cluster.serviceName.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    static func urlVariable(_ cluster: Cluster) -> String { "ENTAS_\(variablePart(cluster))_URL" }
    static func tokenVariable(_ cluster: Cluster) -> String { "ENTAS_\(variablePart(cluster))_TOKEN" }

    /// The service endpoint for `cluster` from the flags (which win) and `environment`.
    static func endpoint(
        _ cluster: Cluster, url flagURL: String?, token flagToken: String?, environment: [String: String]
    ) throws -> ServiceEndpoint {
        let text = flagURL ?? environment[urlVariable(cluster)].flatMap { $0.isEmpty ? nil : $0 }
            ?? "http://127.0.0.1:\(defaultPort(cluster))"
        let setting = ServiceEndpoint.urlSetting(flag: "--service-url", variable: urlVariable(cluster))
        let url = try ServiceEndpoint.parseURL(text, setting: setting)
        guard let token = flagToken ?? environment[tokenVariable(cluster)], !token.isEmpty else {
            throw MissingTokenError(serviceName: cluster.serviceName, flag: "--token", variable: tokenVariable(cluster))
        }
        return ServiceEndpoint(serviceName: cluster.serviceName, baseURL: url, token: token, urlSetting: setting)
    }
}
