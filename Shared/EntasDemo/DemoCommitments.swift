import EntasDomain

/// The komitmen bersama of the demo: what each cluster commits, per kecamatan and programme, for the
/// programme year 2025 (the year of the demo's enrolments and deliveries), so that `entas plan` and
/// `entas evaluate` show real figures.
///
/// Each commitment is the cycle's own realisation in that kecamatan (households enrolled during 2025,
/// deliveries counted towards a quarter of 2025, their rupiah) raised by the kecamatan's ambition: a
/// commitment of 1.25 × what is then done is 80% achieved. The ambitions differ so the evaluation has regions
/// ahead and behind: Sokobanah promises most and lags, Bulak promises less than it does. Low-cost works
/// promise a fifth more again (works take longer than planned). Sumberjambe's PKH commitment is made once in
/// November 2024 and revised in March 2025, so the demo shows a revision. Pure and deterministic.
public enum DemoCommitments {
    /// The programme year.
    public static let year = 2025
    /// When the clusters signed (komitmen bersama before the year).
    public static let signedOn = DemoCalendar.day(2024, 11, 4)
    /// When Sumberjambe's PKH commitment was revised.
    public static let revisedOn = DemoCalendar.day(2025, 3, 3)

    /// Commitment per realisation, by kecamatan (1 for a kecamatan not listed).
    static let ambition: [String: Double] = [
        "35.09.31": 1.2, "35.11.03": 1.1, "35.11.18": 1.3, "35.27.05": 1.25, "35.27.11": 1.6, "35.78.16": 1.05, "35.78.29": 0.95,
    ]
    /// Low-cost works promise this much more again.
    static let worksAmbition = 1.2

    /// The commitments for `households` (whose cycle `planner` plans), by kecamatan, cluster and programme; the
    /// revised one comes twice, original first.
    public static func commitments(for households: DemoHouseholds, planner: DemoCyclePlanner) -> [DemoCommitment] {
        struct Tally { var households = 0, deliveries = 0, rupiah: Int64 = 0 }
        var tallies: [String: [String: Tally]] = [:]
        for household in households {
            let plan = planner.plan(for: household)
            let kecamatan = household.kecamatanCode.dotted
            for enrolment in plan.enrolments + plan.followUpEnrolments where enrolment.startedOn.year <= year {
                tallies[kecamatan, default: [:]][enrolment.programme, default: Tally()].households += 1
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
                    budgetRupiah: Int64((Double(tally.rupiah) * factor / 1_000_000).rounded(.up)) * 1_000_000, madeOn: signedOn)
                if kecamatan == DemoKecamatan.sumberjambe.code.dotted, programme.code == "pkh" {
                    var original = commitment
                    original.households = scaled(tally.households, factor * 0.8)
                    original.deliveries = scaled(tally.deliveries, factor * 0.8)
                    original.budgetRupiah = Int64((Double(tally.rupiah) * factor * 0.8 / 1_000_000).rounded(.up)) * 1_000_000
                    var revised = commitment
                    revised.madeOn = revisedOn
                    commitments += [original, revised]
                } else {
                    commitments.append(commitment)
                }
            }
        }
        return commitments
    }

    private static func scaled(_ value: Int, _ factor: Double) -> Int { Int((Double(value) * factor).rounded()) }
}
