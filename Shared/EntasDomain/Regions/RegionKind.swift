/// What kind of administrative region a code names. Two kinds share each of the two lower-middle and
/// bottom levels: a kabupaten or a kota; a desa or a kelurahan.
public enum RegionKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Provinsi: province.
    case province
    /// Kabupaten: regency (rural second-level region).
    case kabupaten
    /// Kota: city (urban second-level region, codes 35.71–35.79).
    case kota
    /// Kecamatan: district.
    case kecamatan
    /// Desa: village, governed by an elected kepala desa (4-digit part 2xxx).
    case desa
    /// Kelurahan: urban village, run by an appointed lurah (4-digit part 1xxx).
    case kelurahan

    /// The level codes of this kind sit at.
    public var level: RegionLevel {
        switch self {
        case .province: .province
        case .kabupaten, .kota: .kabupaten
        case .kecamatan: .kecamatan
        case .desa, .kelurahan: .desa
        }
    }

    /// The word placed before a region's name: "Kabupaten" Jember, "Kota" Surabaya, "Kecamatan" Sumberjambe.
    public var title: String {
        switch self {
        case .province: "Provinsi"
        case .kabupaten: "Kabupaten"
        case .kota: "Kota"
        case .kecamatan: "Kecamatan"
        case .desa: "Desa"
        case .kelurahan: "Kelurahan"
        }
    }

    public var description: String { rawValue }
}
