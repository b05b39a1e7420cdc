import EntasDomain
import EntasStore
import Foundation
import GRDB

/// A province target for a region and a year (`target`), set by Bappeda: how many Sangat Miskin households
/// may remain at the end of the year, and the least share of SM and M households social aid must cover.
struct Target: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "target"

    var regionCode: RegionCode
    var year: Int
    var smRemaining: Int?
    /// Percent, 0–100.
    var socialAidCoverage: Int?
    /// The holder of the admin token that set it.
    var setBy: String
    var setAt: Timestamp

    enum Columns {
        static let regionCode = Column(CodingKeys.regionCode)
        static let year = Column(CodingKeys.year)
    }
}

/// A target as the API shows it.
public struct TargetView: Sendable, Hashable, Codable {
    public var regionCode: RegionCode
    public var regionName: String
    public var year: Int
    /// Sangat Miskin households that may remain at the end of the year; nil when this target sets none.
    public var smRemaining: Int?
    /// The least share (percent) of SM and M households with an active social-aid enrolment; nil when none.
    public var socialAidCoverage: Int?
    public var setBy: String
    public var setAt: Date
}

/// `PUT /v1/targets`: the targets of one region and year. Absent figures are cleared (the body is the whole
/// target), and at least one must be given.
public struct TargetRequest: Codable, Sendable {
    public var regionCode: RegionCode
    public var year: Int
    public var smRemaining: Int?
    public var socialAidCoverage: Int?
}

/// The targets that apply to a region in a year: each figure from the region itself or, failing that, from
/// the nearest region above it that sets one. An SM-remaining count is inherited only when it is 0 (a count
/// for a kabupaten says nothing of how many may remain in one of its kecamatan); a coverage share always is.
public struct EffectiveTarget: Sendable, Hashable, Codable {
    public var year: Int
    public var smRemaining: Int?
    /// The region whose target gives ``smRemaining``.
    public var smRemainingFrom: RegionCode?
    public var socialAidCoverage: Int?
    /// The region whose target gives ``socialAidCoverage``.
    public var socialAidCoverageFrom: RegionCode?

    /// The figures for `region` from `targets` of its year (the region's own and its ancestors').
    init(region: RegionCode, year: Int, targets: [Target]) {
        self.year = year
        let byRegion = Dictionary(targets.filter { $0.year == year }.map { ($0.regionCode, $0) }, uniquingKeysWith: { first, _ in first })
        for code in [region] + region.ancestors.reversed() {
            guard let target = byRegion[code] else { continue }
            if smRemaining == nil, let count = target.smRemaining, code == region || count == 0 {
                smRemaining = count
                smRemainingFrom = code
            }
            if socialAidCoverage == nil, let share = target.socialAidCoverage {
                socialAidCoverage = share
                socialAidCoverageFrom = code
            }
        }
    }
}
