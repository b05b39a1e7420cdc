/// The Kemendagri region reference for Jawa Timur: 1 province, 38 kabupaten/kota, 666 kecamatan and
/// 8,494 desa/kelurahan, with lookups by code, parent and children.
///
/// ``eastJava`` is loaded once, on first use, from the CSV files bundled with this module. Tests and tools
/// can build their own with ``init(regions:problems:)`` or ``load(from:)``. Immutable, so safe to share.
public final class RegionReference: Sendable {
    private let regionsByCode: [RegionCode: Region]
    private let childrenByCode: [RegionCode: [Region]]
    private let countsByLevel: [RegionLevel: Int]

    /// Rows that were skipped while building the reference (malformed CSV lines, duplicates, orphans).
    /// Empty for the bundled data.
    public let problems: [Problem]

    /// The bundled Jawa Timur reference. Should the bundled files be unreadable (a packaging fault), this is a
    /// reference holding only the province, with the reason in ``problems``, so every lookup answers
    /// "unknown" instead of crashing.
    public static let eastJava: RegionReference = {
        do throws(RegionReferenceError) {
            return try loadBundled()
        } catch {
            return RegionReference(
                regions: [RegionReference.provinceRegion],
                problems: [Problem(file: "Resources/regions", line: 0, reason: error.description)])
        }
    }()

    /// Province 35, which the CSV files do not list.
    public static let provinceRegion = Region(code: .eastJava, name: "Jawa Timur", kind: .province)

    /// Builds a reference from regions in any order. A region whose kind does not fit its code's level, a
    /// duplicate code (the first wins) or a region whose parent is missing is left out and recorded in
    /// ``problems``, so the hierarchy is always complete.
    public init(regions: [Region], problems: [Problem] = []) {
        var problems = problems
        var byCode: [RegionCode: Region] = [:]
        byCode.reserveCapacity(regions.count)
        var children: [RegionCode: [Region]] = [:]
        var counts: [RegionLevel: Int] = [:]
        // Parents before children: one stable pass per level.
        let ordered = RegionLevel.allCases.flatMap { level in regions.lazy.filter { $0.level == level } }
        for region in ordered {
            if region.kind.level != region.level {
                problems.append(
                    Problem(
                        file: "", line: 0,
                        reason: "\(region.code.dotted): kind \(region.kind) does not fit a \(region.level) code"))
                continue
            }
            if byCode[region.code] != nil {
                problems.append(Problem(file: "", line: 0, reason: "\(region.code.dotted): duplicate code, first kept"))
                continue
            }
            if let parent = region.code.parent {
                guard byCode[parent] != nil else {
                    problems.append(
                        Problem(
                            file: "", line: 0, reason: "\(region.code.dotted): parent \(parent.dotted) is missing"))
                    continue
                }
                children[parent, default: []].append(region)
            }
            byCode[region.code] = region
            counts[region.level, default: 0] += 1
        }
        for key in children.keys { children[key]?.sort { $0.code < $1.code } }
        regionsByCode = byCode
        childrenByCode = children
        countsByLevel = counts
        self.problems = problems
    }

    /// The region with this code, or nil when the reference has none.
    public func region(_ code: RegionCode) -> Region? { regionsByCode[code] }

    /// True when the reference has this code.
    public func contains(_ code: RegionCode) -> Bool { regionsByCode[code] != nil }

    /// The regions one level below `code`, sorted by code; empty for a desa or an unknown code.
    public func children(of code: RegionCode) -> [Region] { childrenByCode[code] ?? [] }

    /// The region one level up, nil for the province or an unknown code.
    public func parent(of code: RegionCode) -> Region? {
        guard contains(code), let parent = code.parent else { return nil }
        return regionsByCode[parent]
    }

    /// The kecamatan whose code is these six digits (the prefix of a KK number or NIK), or nil.
    public func kecamatan(forDigits digits: String) -> Region? {
        guard digits.utf8.count == 6, let code = try? RegionCode(digits), code.level == .kecamatan else { return nil }
        return regionsByCode[code]
    }

    /// The region with this code.
    /// - Throws: ``RegionCodeError/unknown(_:)`` naming the code when the reference has none.
    public func require(_ code: RegionCode) throws(RegionCodeError) -> Region {
        guard let region = regionsByCode[code] else { throw .unknown(code) }
        return region
    }

    /// The region with this code, which must sit at `level` (for example a desa for a household address).
    /// - Throws: ``RegionCodeError/wrongLevel(_:expected:)`` or ``RegionCodeError/unknown(_:)``.
    public func require(_ code: RegionCode, level: RegionLevel) throws(RegionCodeError) -> Region {
        guard code.level == level else { throw .wrongLevel(code, expected: level) }
        return try require(code)
    }

    /// How many regions the reference has at `level` (1, 38, 666 and 8,494 for the bundled data).
    public func count(at level: RegionLevel) -> Int { countsByLevel[level] ?? 0 }

    /// Number of kabupaten and kota.
    public var kabupatenCount: Int { count(at: .kabupaten) }
    /// Number of kecamatan.
    public var kecamatanCount: Int { count(at: .kecamatan) }
    /// Number of desa and kelurahan.
    public var desaCount: Int { count(at: .desa) }
    /// Number of regions at every level, the province included.
    public var totalCount: Int { regionsByCode.count }

    /// Every region at `level`, sorted by code.
    public func regions(at level: RegionLevel) -> [Region] {
        regionsByCode.values.filter { $0.level == level }.sorted { $0.code < $1.code }
    }

    /// Every region inside `code` at `level` (all desa of a kabupaten, say), sorted by code.
    public func descendants(of code: RegionCode, at level: RegionLevel) -> [Region] {
        guard level > code.level else { return [] }
        var current = [regionsByCode[code]].compactMap { $0 }
        while let first = current.first, first.level < level {
            current = current.flatMap { children(of: $0.code) }
        }
        return current
    }
}
