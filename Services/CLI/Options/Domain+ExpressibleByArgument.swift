import ArgumentParser
import EntasDomain

/// `--cluster socialAid` or its service's name, `--cluster social-aid`.
extension Cluster: ExpressibleByArgument {
    public init?(argument: String) {
        guard let cluster = Cluster(rawValue: argument) ?? Cluster(serviceName: argument) else { return nil }
        self = cluster
    }

    public static var allValueStrings: [String] { allCases.map(\.serviceName) }

    /// Each value with its cluster's name and agency in `--help` (names, the same in both languages).
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.serviceName, "\($0.indonesianName) (\($0.agency))") })
    }

    public var defaultValueDescription: String { serviceName }
}

/// `--status SM` (SM, M, HM, TM, G in any case) or the full name, `--status sangatMiskin`.
extension PovertyStatus: ExpressibleByArgument {
    public init?(argument: String) {
        guard let status = PovertyStatus(rawValue: argument) ?? PovertyStatus(abbreviation: argument) else { return nil }
        self = status
    }

    public static var allValueStrings: [String] { allCases.map(\.abbreviation) }

    /// Each value with its status's name in `--help`.
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.abbreviation, $0.label) })
    }

    public var defaultValueDescription: String { abbreviation }
}
