/// One administrative region of the Kemendagri reference: its code, its name as the source spells it
/// (e.g. "Kabupaten Jember", "Sumberjambe", "Ra'as") and its kind.
public struct Region: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The Kemendagri code, e.g. `35.09.31.2006`.
    public let code: RegionCode
    /// The name as published, with the source's capitalisation.
    public let name: String
    /// Kabupaten or kota, desa or kelurahan, and so on.
    public let kind: RegionKind

    /// The region's level, taken from its code.
    public var level: RegionLevel { code.level }

    /// Makes a region. The kind must fit the code's level (a `.kota` needs a four-digit code); the
    /// reference loader checks this for its rows.
    public init(code: RegionCode, name: String, kind: RegionKind) {
        self.code = code
        self.name = name
        self.kind = kind
    }

    /// `35.09.31 Sumberjambe (kecamatan)`.
    public var description: String { "\(code.dotted) \(name) (\(kind.rawValue))" }
}
