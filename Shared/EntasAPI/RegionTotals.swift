import EntasDomain

/// The counts the coordinator keeps per region (and what one household adds to them): households by
/// consensus status, by baseline status, covered per cluster, gaps, conflicts and verification cases.
///
/// Every household counts once in ``households`` and once in exactly one of the six status counts
/// (``unassessed`` when no cluster has assessed it and no registration gave a baseline).
public struct RegionTotals: Sendable, Hashable, Codable {
    /// Households living in the region.
    public var households = 0
    /// Households whose consensus status is sangatMiskin (SM).
    public var sangatMiskin = 0
    /// … miskin (M).
    public var miskin = 0
    /// … hampirMiskin (HM).
    public var hampirMiskin = 0
    /// … tidakMiskin.
    public var tidakMiskin = 0
    /// … graduated: most clusters' latest word is a graduation (see ``ConsensusRule``).
    public var graduated = 0
    /// Households with no status yet: no assessment and no baseline.
    public var unassessed = 0
    /// Households whose baseline (PPLS 2008, else the first assessment) is SM.
    public var baselineSangatMiskin = 0
    /// … M.
    public var baselineMiskin = 0
    /// … HM.
    public var baselineHampirMiskin = 0
    /// Households with an active social-aid enrolment.
    public var coveredSocialAid = 0
    /// … community-empowerment enrolment.
    public var coveredCommunityEmpowerment = 0
    /// … enterprise enrolment.
    public var coveredEnterprise = 0
    /// … low-cost enrolment.
    public var coveredLowCost = 0
    /// Households with an active enrolment in any cluster.
    public var coveredAny = 0
    /// Households in a gap: consensus SM or M without an active social-aid enrolment (SM with no cluster at
    /// all is such a household too, so each counts once).
    public var gaps = 0
    /// Households whose clusters' effective statuses differ (a verification settles a conflict until a cluster
    /// disagrees again after it).
    public var conflicts = 0
    /// Households with an open verification case (verifikasi dan validasi), assigned or not.
    public var casesOpen = 0
    /// … of which assigned to a field team.
    public var casesAssigned = 0
    /// Households whose latest case ended with a field verification and which have none open.
    public var casesVerified = 0
    /// The opening days of the open cases added up, as days since 1970-01-01: ``meanOpenCaseAge(on:)`` divides
    /// it by ``casesOpen``. Kept as a sum so that it adds up regions like every other counter.
    public var caseOpenedDays = 0
    /// Jiwa: the people of the region's households, each household counted by its latest member count (its
    /// member list's length when a cluster records the members).
    public var people = 0

    /// All zero.
    public static let zero = RegionTotals()

    public init() {}

    /// The counters in the column order of `regionAggregate` (``CoordinatorMigrations``).
    package var values: [Int] {
        [
            households, sangatMiskin, miskin, hampirMiskin, tidakMiskin, graduated, unassessed,
            baselineSangatMiskin, baselineMiskin, baselineHampirMiskin,
            coveredSocialAid, coveredCommunityEmpowerment, coveredEnterprise, coveredLowCost, coveredAny,
            gaps, conflicts, casesOpen, casesAssigned, casesVerified, caseOpenedDays, people,
        ]
    }

    /// Totals from counters in column order; missing counters are zero.
    package init(values: [Int]) {
        func value(_ index: Int) -> Int { index < values.count ? values[index] : 0 }
        households = value(0)
        sangatMiskin = value(1)
        miskin = value(2)
        hampirMiskin = value(3)
        tidakMiskin = value(4)
        graduated = value(5)
        unassessed = value(6)
        baselineSangatMiskin = value(7)
        baselineMiskin = value(8)
        baselineHampirMiskin = value(9)
        coveredSocialAid = value(10)
        coveredCommunityEmpowerment = value(11)
        coveredEnterprise = value(12)
        coveredLowCost = value(13)
        coveredAny = value(14)
        gaps = value(15)
        conflicts = value(16)
        casesOpen = value(17)
        casesAssigned = value(18)
        casesVerified = value(19)
        caseOpenedDays = value(20)
        people = value(21)
    }

    /// The mean age in days of the open cases on `day`; nil with none open.
    public func meanOpenCaseAge(on day: CalendarDate) -> Int? {
        guard casesOpen > 0 else { return nil }
        return max(0, day.daysSinceEpoch - (caseOpenedDays + casesOpen / 2) / casesOpen)
    }

    /// The count of households with consensus `status` (nil: ``unassessed``).
    public func count(of status: PovertyStatus?) -> Int {
        switch status {
        case .sangatMiskin: sangatMiskin
        case .miskin: miskin
        case .hampirMiskin: hampirMiskin
        case .tidakMiskin: tidakMiskin
        case .graduated: graduated
        case nil: unassessed
        }
    }

    /// The count of households an active enrolment of `cluster` covers.
    public func covered(by cluster: Cluster) -> Int {
        switch cluster {
        case .socialAid: coveredSocialAid
        case .communityEmpowerment: coveredCommunityEmpowerment
        case .enterprise: coveredEnterprise
        case .lowCost: coveredLowCost
        }
    }

    /// True when every counter is zero.
    public var isZero: Bool { values.allSatisfy { $0 == 0 } }

    public static func + (lhs: RegionTotals, rhs: RegionTotals) -> RegionTotals {
        RegionTotals(values: zip(lhs.values, rhs.values).map { $0 + $1 })
    }

    public static func - (lhs: RegionTotals, rhs: RegionTotals) -> RegionTotals {
        RegionTotals(values: zip(lhs.values, rhs.values).map { $0 - $1 })
    }
}
