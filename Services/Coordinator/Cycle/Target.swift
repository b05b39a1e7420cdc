import EntasAPI
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

extension EffectiveTarget {
    /// The figures for `region` from `targets` of its year (the region's own and its ancestors').
    init(region: RegionCode, year: Int, targets: [Target]) {
        self.init(year: year)
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
