import EntasAPI
import EntasDomain

/// Everything one household adds to the region tables: its totals and its monthly status changes (both in
/// the desa it lives in), and its active enrolments per cluster and strategy (there too).
///
/// ``HouseholdChange`` takes the footprint before and after an event and adds the difference, so the
/// region tables change by what the event changed and nothing is recounted.
struct HouseholdFootprint: Sendable, Equatable {
    var desaCode: RegionCode
    var totals: RegionTotals
    var months: [MonthStatus: Int]
    var active: [StrategyCell: StrategyCounts]

    init(household: Household, enrolments: [Enrolment], facts: [StatusFact]) {
        desaCode = household.desaCode
        totals = household.totals
        months = household.isDuplicate ? [:] : StatusTimeline.changes(facts: facts, baseline: household.registeredBaseline)
        var active: [StrategyCell: StrategyCounts] = [:]
        for enrolment in enrolments where enrolment.isActive {
            guard let strategy = enrolment.strategy else { continue }
            let cell = StrategyCell(desaCode: household.desaCode, cluster: enrolment.cluster, strategy: strategy)
            active[cell, default: StrategyCounts()].activeEnrolments += 1
            active[cell, default: StrategyCounts()].activePeople += enrolment.memberKey == nil ? household.people : 1
        }
        self.active = active
    }
}
