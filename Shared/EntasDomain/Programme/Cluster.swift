/// One of the four clusters (klaster) of the province's poverty programme; each runs one Entas service and
/// publishes its own facts on its own topic.
public enum Cluster: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Klaster 1, Bantuan Sosial: social aid, run by Dinas Sosial.
    case socialAid
    /// Klaster 2, Pemberdayaan Masyarakat: community empowerment, run by Bapemas.
    case communityEmpowerment
    /// Klaster 3, Pemberdayaan UMKM: micro and small enterprise, run by Dinas Koperasi dan UMK.
    case enterprise
    /// Klaster 4, Program Murah: low-cost programmes by other stakeholders.
    case lowCost

    /// The service's short name: social-aid, empowerment, umkm, low-cost (`entas-<serviceName>` is the executable).
    public var serviceName: String {
        switch self {
        case .socialAid: "social-aid"
        case .communityEmpowerment: "empowerment"
        case .enterprise: "umkm"
        case .lowCost: "low-cost"
        }
    }

    /// The cluster whose service has this short name, or nil.
    public init?(serviceName: String) {
        guard let cluster = Self.allCases.first(where: { $0.serviceName == serviceName }) else { return nil }
        self = cluster
    }

    /// The topic the cluster publishes its own facts on (enrolments, deliveries, referrals, commitments).
    public var topic: EntasTopic {
        switch self {
        case .socialAid: .socialAid
        case .communityEmpowerment: .empowerment
        case .enterprise: .umkm
        case .lowCost: .lowCost
        }
    }

    /// The CloudEvents source of the cluster's service: `/entas/<serviceName>`.
    public var eventSource: String { "/entas/\(serviceName)" }

    /// Bantuan Sosial, Pemberdayaan Masyarakat, Pemberdayaan UMKM or Program Murah.
    public var indonesianName: String {
        switch self {
        case .socialAid: "Bantuan Sosial"
        case .communityEmpowerment: "Pemberdayaan Masyarakat"
        case .enterprise: "Pemberdayaan UMKM"
        case .lowCost: "Program Murah"
        }
    }

    /// The agency that runs the cluster: Dinas Sosial, Bapemas, Dinas Koperasi dan UMK, or other
    /// stakeholders (pemangku kepentingan lain, in the reader's language: the only one that is not a name).
    public var agency: String {
        switch self {
        case .socialAid: "Dinas Sosial"
        case .communityEmpowerment: "Bapemas"
        case .enterprise: "Dinas Koperasi dan UMK"
        case .lowCost: Message("domain.cluster.otherStakeholders").rendered()
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self = try DecodingHelp.decodeEnum(from: decoder)
    }
}
