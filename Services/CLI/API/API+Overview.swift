import EntasDomain

extension API {
    /// `GET /v1/overview`: a region's totals and those of its descendants `depth` levels below.
    struct Overview: Sendable, Hashable, Codable {
        var region: RegionSummary
        var depth: Int
        var regions: [RegionSummary]
    }

    /// One region and its totals.
    struct RegionSummary: Sendable, Hashable, Codable {
        var code: RegionCode
        var name: String
        var level: RegionLevel
        var totals: RegionTotals
    }

    /// The coordinator's counters for a region.
    struct RegionTotals: Sendable, Hashable, Codable {
        var households = 0
        var sangatMiskin = 0
        var miskin = 0
        var hampirMiskin = 0
        var tidakMiskin = 0
        var graduated = 0
        var unassessed = 0
        var baselineSangatMiskin = 0
        var baselineMiskin = 0
        var baselineHampirMiskin = 0
        var coveredSocialAid = 0
        var coveredCommunityEmpowerment = 0
        var coveredEnterprise = 0
        var coveredLowCost = 0
        var coveredAny = 0
        var gaps = 0
        var conflicts = 0

        /// Households an active enrolment of `cluster` covers.
        func covered(by cluster: Cluster) -> Int {
            switch cluster {
            case .socialAid: coveredSocialAid
            case .communityEmpowerment: coveredCommunityEmpowerment
            case .enterprise: coveredEnterprise
            case .lowCost: coveredLowCost
            }
        }
    }
}
