/// A household's poverty status (status kemiskinan), as a cluster states it or as PPLS 2008 recorded it.
/// Raw values are the case names, used in JSON and databases.
public enum PovertyStatus: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Sangat Miskin: very poor (RTSM in PPLS 2008).
    case sangatMiskin
    /// Miskin: poor (RTM).
    case miskin
    /// Hampir Miskin: near poor (RTHM).
    case hampirMiskin
    /// Tidak Miskin: not poor, outside the programme's target.
    case tidakMiskin
    /// Graduasi: left the programme after rising out of poverty.
    case graduated

    /// SM, M, HM, TM or G.
    public var abbreviation: String {
        switch self {
        case .sangatMiskin: "SM"
        case .miskin: "M"
        case .hampirMiskin: "HM"
        case .tidakMiskin: "TM"
        case .graduated: "G"
        }
    }

    /// The Indonesian label: Sangat Miskin, Miskin, Hampir Miskin, Tidak Miskin, Graduasi.
    public var label: String {
        switch self {
        case .sangatMiskin: "Sangat Miskin"
        case .miskin: "Miskin"
        case .hampirMiskin: "Hampir Miskin"
        case .tidakMiskin: "Tidak Miskin"
        case .graduated: "Graduasi"
        }
    }

    /// The English label: very poor, poor, near poor, not poor, graduated.
    public var englishLabel: String {
        switch self {
        case .sangatMiskin: "very poor"
        case .miskin: "poor"
        case .hampirMiskin: "near poor"
        case .tidakMiskin: "not poor"
        case .graduated: "graduated"
        }
    }

    /// How severe the status is, for breaking ties towards the poorer reading: sangatMiskin 4, miskin 3,
    /// hampirMiskin 2, tidakMiskin 1, graduated 0.
    public var severity: Int {
        switch self {
        case .sangatMiskin: 4
        case .miskin: 3
        case .hampirMiskin: 2
        case .tidakMiskin: 1
        case .graduated: 0
        }
    }

    /// True for the three statuses the programme targets: SM, M and HM.
    public var isPoor: Bool { severity >= 2 }

    /// The status for an abbreviation (SM, M, HM, TM, G; any letter case), or nil.
    public init?(abbreviation: String) {
        guard let status = Self.allCases.first(where: { $0.abbreviation == abbreviation.uppercased() }) else {
            return nil
        }
        self = status
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self = try DecodingHelp.decodeEnum(from: decoder)
    }
}
