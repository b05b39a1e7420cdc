/// How a cluster answered a referral (rujukan) from another cluster.
public enum ReferralOutcome: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Diterima: the receiving cluster takes the household on.
    case accepted
    /// Ditolak: the receiving cluster does not (the note says why).
    case declined

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self = try DecodingHelp.decodeEnum(from: decoder)
    }
}
