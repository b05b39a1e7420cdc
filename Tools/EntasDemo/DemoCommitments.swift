import EntasDomain

/// The komitmen bersama of the demo: what each cluster commits, per kecamatan and programme, for the
/// programme years 2025 (the year of the demo's enrolments and deliveries) and 2026 (the year its referrals,
/// last deliveries and graduations fall in), so that `entas plan` and `entas evaluate` show real figures for
/// both.
///
/// Each 2025 commitment is the cycle's own realisation in that kecamatan (households enrolled during 2025,
/// deliveries counted towards a quarter of 2025, their rupiah) raised by the kecamatan's ambition: a
/// commitment of 1.25 × what is then done is 80% achieved. The ambitions differ so the evaluation has regions
/// ahead and behind: Sokobanah promises most and lags, Bulak promises less than it does. Low-cost works
/// promise a fifth more again (works take longer than planned). Sumberjambe's PKH commitment is made once in
/// November 2024 and revised in March 2025, so the demo shows a revision.
///
/// Each 2026 commitment, signed in November 2025, is the 2025 one as it stands grown toward the province's
/// targets (no SM household left, every SM and M household with social aid): social aid's 15% more,
/// the other clusters' 10% more (households, deliveries and budget). It also promises graduations: the
/// households the cycle graduates in 2026 from the programme (graduated by its cluster while enrolled in it),
/// raised by the kecamatan's ambition; none where the cycle graduates nobody from it. Pure and deterministic.
public enum DemoCommitments {
    /// The first programme year.
    public static let year = 2025
    /// The programme year after it, committed from the first.
    public static let nextYear = year + 1
    /// Every programme year committed for.
    public static let years = [year, nextYear]
    /// When the clusters signed for 2025 (komitmen bersama before the year).
    public static let signedOn = DemoCalendar.day(2024, 11, 4)
    /// When Sumberjambe's PKH commitment was revised.
    public static let revisedOn = DemoCalendar.day(2025, 3, 3)
    /// When the clusters signed for 2026.
    public static let nextSignedOn = DemoCalendar.day(2025, 11, 3)

    /// Commitment per realisation, by kecamatan (1 for a kecamatan not listed).
    static let ambition: [String: Double] = [
        "35.09.31": 1.2, "35.11.03": 1.1, "35.11.18": 1.3, "35.27.05": 1.25, "35.27.11": 1.6, "35.78.16": 1.05, "35.78.29": 0.95,
    ]
    /// Low-cost works promise this much more again.
    static let worksAmbition = 1.2

    /// How much a cluster's 2026 commitment grows on its 2025 one: most for social aid, which the coverage
    /// target is about.
    static func growth(of cluster: Cluster) -> Double { cluster == .socialAid ? 1.15 : 1.1 }

    /// The commitments for `households` (whose cycle `planner` plans): 2025's by kecamatan, cluster and
    /// programme, the revised one twice, original first; then 2026's in the same order.
    public static func commitments(for households: DemoHouseholds, planner: DemoCyclePlanner) -> [DemoCommitment] {
        commitments(from: households.lazy.map { ($0, planner.plan(for: $0)) })
    }

    /// The commitments for households whose plans are already made.
    public static func commitments(from plans: some Sequence<(DemoHousehold, DemoHouseholdActions)>) -> [DemoCommitment] {
        let (first, graduations) = firstYear(from: plans)
        return first + following(first, graduations: graduations)
    }

    /// 2025's commitments, from the cycle's realisation; and the households graduated in 2026 per kecamatan and
    /// programme, for 2026's.
    private static func firstYear(
        from plans: some Sequence<(DemoHousehold, DemoHouseholdActions)>
    ) -> (commitments: [DemoCommitment], graduations: [String: [String: Int]]) {
        var tallies: [String: [String: Tally]] = [:]
        var graduations: [String: [String: Int]] = [:]
        for (household, plan) in plans {
            let kecamatan = household.kecamatanCode.dotted
            let enrolments = plan.enrolments + plan.followUpEnrolments
            for enrolment in enrolments where enrolment.startedOn.year <= year {
                tallies[kecamatan, default: [:]][enrolment.programme, default: Tally()].households += 1
            }
            for graduation in plan.graduations where graduation.graduatedOn.year == nextYear {
                let programmes = Set(enrolments.filter { $0.cluster == graduation.cluster && $0.startedOn <= graduation.graduatedOn }.map(\.programme))
                for programme in programmes { graduations[kecamatan, default: [:]][programme, default: 0] += 1 }
            }
            for delivery in plan.deliveries where delivery.period.year == year {
                tallies[kecamatan, default: [:]][delivery.programme, default: Tally()].deliveries += 1
                tallies[kecamatan, default: [:]][delivery.programme, default: Tally()].rupiah += delivery.amountRupiah ?? 0
            }
        }
        var commitments: [DemoCommitment] = []
        for kecamatan in tallies.keys.sorted() {
            guard let code = try? RegionCode(kecamatan), let period = try? Period(year: year) else { continue }
            for programme in DemoProgrammes.all {
                guard let tally = tallies[kecamatan]?[programme.code], tally.households > 0 else { continue }
                let factor = (ambition[kecamatan] ?? 1) * (programme.cluster == .lowCost ? worksAmbition : 1)
                let commitment = DemoCommitment(
                    cluster: programme.cluster, regionCode: code, period: period, programme: programme.code,
                    households: scaled(tally.households, factor), deliveries: scaled(tally.deliveries, factor),
                    budgetRupiah: budget(Double(tally.rupiah) * factor), madeOn: signedOn)
                if kecamatan == DemoKecamatan.sumberjambe.code.dotted, programme.code == "pkh" {
                    var original = commitment
                    original.households = scaled(tally.households, factor * 0.8)
                    original.deliveries = scaled(tally.deliveries, factor * 0.8)
                    original.budgetRupiah = budget(Double(tally.rupiah) * factor * 0.8)
                    var revised = commitment
                    revised.madeOn = revisedOn
                    commitments += [original, revised]
                } else {
                    commitments.append(commitment)
                }
            }
        }
        return (commitments, graduations)
    }

    /// 2026's commitments: each of `first` as it stands (a revision replaces the original before it), grown,
    /// with the graduations of the kecamatan and programme in 2026 raised by the kecamatan's ambition.
    private static func following(_ first: [DemoCommitment], graduations: [String: [String: Int]]) -> [DemoCommitment] {
        guard let period = try? Period(year: nextYear) else { return [] }
        let standing = first.indices.filter { index in
            index + 1 == first.count || first[index + 1].regionCode != first[index].regionCode || first[index + 1].programme != first[index].programme
        }
        return standing.map { index in
            var commitment = first[index]
            let factor = growth(of: commitment.cluster)
            commitment.period = period
            commitment.households = scaled(commitment.households, factor)
            commitment.deliveries = scaled(commitment.deliveries, factor)
            commitment.budgetRupiah = budget(Double(commitment.budgetRupiah) * factor)
            let kecamatan = commitment.regionCode.dotted
            if let graduated = graduations[kecamatan]?[commitment.programme], graduated > 0 {
                commitment.graduations = scaled(graduated, ambition[kecamatan] ?? 1)
            }
            commitment.madeOn = nextSignedOn
            return commitment
        }
    }

    /// What one kecamatan's cycle does in the year for one programme.
    private struct Tally {
        var households = 0
        var deliveries = 0
        var rupiah: Int64 = 0
    }

    private static func scaled(_ value: Int, _ factor: Double) -> Int { Int((Double(value) * factor).rounded()) }

    /// A budget in whole millions of rupiah, rounded up (from the nearest rupiah, so 1.1 × 10 million stays 11 million).
    private static func budget(_ rupiah: Double) -> Int64 { (Int64(rupiah.rounded()) + 999_999) / 1_000_000 * 1_000_000 }
}
