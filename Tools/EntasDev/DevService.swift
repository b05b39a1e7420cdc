import Foundation

/// One of the five processes `entas dev` starts.
public struct DevService: Sendable, Hashable {
    /// `social-aid`, …, `coordinator`: also its token prefix and database name.
    public var name: String
    public var executable: String
    public var port: Int

    public static func all(basePort: Int) -> [DevService] {
        [
            DevService(name: "coordinator", executable: "entas-coordinator", port: basePort),
            DevService(name: "social-aid", executable: "entas-social-aid", port: basePort + 1),
            DevService(name: "empowerment", executable: "entas-empowerment", port: basePort + 2),
            DevService(name: "umkm", executable: "entas-umkm", port: basePort + 3),
            DevService(name: "low-cost", executable: "entas-low-cost", port: basePort + 4),
        ]
    }

    public var url: String { "http://127.0.0.1:\(port)" }

    /// The environment variable that holds its token in `tokens.env`, e.g. ENTAS_SOCIAL_AID_TOKEN.
    public var tokenVariable: String { "ENTAS_\(name.uppercased().replacingOccurrences(of: "-", with: "_"))_TOKEN" }
    public var urlVariable: String { "ENTAS_\(name.uppercased().replacingOccurrences(of: "-", with: "_"))_URL" }
}
