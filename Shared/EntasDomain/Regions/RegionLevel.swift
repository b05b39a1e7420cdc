/// How deep a region sits in the Kemendagri hierarchy: province > kabupaten/kota > kecamatan > desa/kelurahan.
///
/// Levels compare by depth: `.province < .kabupaten < .kecamatan < .desa`.
public enum RegionLevel: Int, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Provinsi: the province (only 35, Jawa Timur, in Entas).
    case province = 1
    /// Kabupaten/kota: a regency or a city.
    case kabupaten = 2
    /// Kecamatan: a district; its digits open every KK number and NIK.
    case kecamatan = 3
    /// Desa/kelurahan: a village (desa) or an urban village (kelurahan).
    case desa = 4

    /// The number of digits of a code at this level: 2, 4, 6 or 10.
    public var digitCount: Int {
        switch self {
        case .province: 2
        case .kabupaten: 4
        case .kecamatan: 6
        case .desa: 10
        }
    }

    /// The level whose codes have `digitCount` digits, or nil for any other count.
    public init?(digitCount: Int) {
        switch digitCount {
        case 2: self = .province
        case 4: self = .kabupaten
        case 6: self = .kecamatan
        case 10: self = .desa
        default: return nil
        }
    }

    /// The level one step up, nil for the province.
    public var parent: RegionLevel? { RegionLevel(rawValue: rawValue - 1) }

    /// The level one step down, nil for desa.
    public var child: RegionLevel? { RegionLevel(rawValue: rawValue + 1) }

    /// The Indonesian word for the level, as used in documents ("kabupaten/kota", "desa/kelurahan").
    public var indonesianName: String {
        switch self {
        case .province: "provinsi"
        case .kabupaten: "kabupaten/kota"
        case .kecamatan: "kecamatan"
        case .desa: "desa/kelurahan"
        }
    }

    public var description: String { indonesianName }

    public static func < (lhs: RegionLevel, rhs: RegionLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
