import ArgumentParser
import EntasDomain

/// `--cluster socialAid` or its service's name, `--cluster social-aid`.
extension Cluster: ExpressibleByArgument {
    public init?(argument: String) {
        guard let cluster = Cluster(rawValue: argument) ?? Cluster(serviceName: argument) else { return nil }
        self = cluster
    }

    public static var allValueStrings: [String] { allCases.map(\.serviceName) }

    public var defaultValueDescription: String { serviceName }
}

/// `--status SM` (SM, M, HM, TM, G in any case) or the full name, `--status sangatMiskin`.
extension PovertyStatus: ExpressibleByArgument {
    public init?(argument: String) {
        guard let status = PovertyStatus(rawValue: argument) ?? PovertyStatus(abbreviation: argument) else { return nil }
        self = status
    }

    public static var allValueStrings: [String] { allCases.map(\.abbreviation) }

    public var defaultValueDescription: String { abbreviation }
}
