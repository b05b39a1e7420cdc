import EntasDomain
import Foundation

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

    package init(regionCode: RegionCode, regionName: String, year: Int, smRemaining: Int? = nil, socialAidCoverage: Int? = nil, setBy: String, setAt: Date) {
        self.regionCode = regionCode
        self.regionName = regionName
        self.year = year
        self.smRemaining = smRemaining
        self.socialAidCoverage = socialAidCoverage
        self.setBy = setBy
        self.setAt = setAt
    }
}

/// `PUT /v1/targets`: the targets of one region and year. Absent figures are cleared (the body is the whole
/// target), and at least one must be given.
public struct TargetRequest: Codable, Sendable {
    public var regionCode: RegionCode
    public var year: Int
    public var smRemaining: Int?
    public var socialAidCoverage: Int?

    package init(regionCode: RegionCode, year: Int, smRemaining: Int? = nil, socialAidCoverage: Int? = nil) {
        self.regionCode = regionCode
        self.year = year
        self.smRemaining = smRemaining
        self.socialAidCoverage = socialAidCoverage
    }
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


    package init(year: Int, smRemaining: Int? = nil, smRemainingFrom: RegionCode? = nil, socialAidCoverage: Int? = nil, socialAidCoverageFrom: RegionCode? = nil) {
        self.year = year
        self.smRemaining = smRemaining
        self.smRemainingFrom = smRemainingFrom
        self.socialAidCoverage = socialAidCoverage
        self.socialAidCoverageFrom = socialAidCoverageFrom
    }
}

/// `GET /v1/targets`: the targets set for a region, the regions above and inside it.
public struct TargetList: Sendable, Hashable, Codable {
    public var targets: [TargetView]

    package init(targets: [TargetView]) {
        self.targets = targets
    }
}
