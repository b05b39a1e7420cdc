/// One of the four strategies (strategi) every programme serves.
public enum Strategy: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Perlindungan sosial: social protection (cash and food aid, health and education assistance).
    case socialProtection
    /// Pelayanan dasar: access to basic services (housing, water, sanitation, electricity).
    case basicServices
    /// Pemberdayaan masyarakat: community empowerment (groups, skills, local institutions).
    case communityEmpowerment
    /// Pembangunan inklusif: inclusive development (jobs, enterprise, markets that include the poor).
    case inclusiveDevelopment

    /// The Indonesian name.
    public var indonesianName: String {
        switch self {
        case .socialProtection: "Perlindungan Sosial"
        case .basicServices: "Pelayanan Dasar"
        case .communityEmpowerment: "Pemberdayaan Masyarakat"
        case .inclusiveDevelopment: "Pembangunan Inklusif"
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self = try DecodingHelp.decodeEnum(from: decoder)
    }
}
