import EntasDemo
import EntasDomain
import Foundation

/// The events the cluster services publish for one demo household, as they would publish them:
/// its registration at social aid (Dinas Sosial holds the PPLS 2008 data), then the clusters'
/// assessments, enrolments (ordinary and after a referral), deliveries and graduations from
/// the demo's programme cycle. Referrals, which change no consensus view, are left out.
struct HouseholdEvents: Sendable {
    /// Which events a household brings.
    enum Mix: String, Sendable {
        /// Its registration only: one event per household.
        case registrations
        /// Its registration and the programme cycle: about six events per household.
        case cycle
    }

    let mix: Mix
    let seed: UInt64
    private let planner: DemoCyclePlanner
    private let strategies: [String: Strategy]

    init(mix: Mix, seed: UInt64) {
        self.mix = mix
        self.seed = seed
        planner = DemoPlan().planner(seed: seed)
        strategies = Dictionary(DemoProgrammes.all.map { ($0.code, $0.strategy) }, uniquingKeysWith: { first, _ in first })
    }

    /// The household's events in the order its services would publish them.
    func events(for household: DemoHousehold, ids: inout StableIDs, time: Date) -> [EventEnvelope] {
        guard let kk = household.kk, let nik = household.nik else { return [] }
        let desa = household.desaCode
        let enrolledAt = ids.clock
        var payloads: [EventPayload] = [
            .householdRegistered(
                HouseholdRegistered(
                    kkNumber: kk, headNIK: nik, headName: household.headName, address: household.address, desaCode: desa,
                    memberCount: household.memberCount, criteriaMet: household.criteriaMet,
                    baselineStatus: household.baselineStatus, registeredBy: .socialAid))
        ]
        if mix == .cycle {
            let plan = planner.plan(for: household)
            for assessment in plan.assessments {
                payloads.append(
                    .householdAssessed(
                        HouseholdAssessed(
                            kkNumber: kk, desaCode: desa, cluster: assessment.cluster, status: assessment.status,
                            criteriaMet: assessment.criteriaMet, assessedOn: assessment.assessedOn, assessor: assessment.assessor)))
            }
            for enrolment in plan.enrolments + plan.followUpEnrolments {
                guard let strategy = strategies[enrolment.programme] else { continue }
                payloads.append(
                    .enrolmentStarted(
                        EnrolmentStarted(
                            enrolmentID: enrolmentID(kk, enrolment.programme, at: enrolledAt), kkNumber: kk, desaCode: desa,
                            cluster: enrolment.cluster, programme: enrolment.programme, strategy: strategy,
                            startedOn: enrolment.startedOn)))
            }
            for delivery in plan.deliveries {
                guard let strategy = strategies[delivery.programme] else { continue }
                payloads.append(
                    .benefitDelivered(
                        BenefitDelivered(
                            deliveryID: ids.next(), enrolmentID: enrolmentID(kk, delivery.programme, at: enrolledAt), kkNumber: kk,
                            desaCode: desa, cluster: delivery.cluster, programme: delivery.programme, strategy: strategy,
                            amountRupiah: delivery.amountRupiah, inKindQuantity: delivery.inKindQuantity,
                            inKindUnit: delivery.inKindUnit, period: delivery.period, deliveredOn: delivery.deliveredOn)))
            }
            for graduation in plan.graduations {
                payloads.append(
                    .householdGraduated(
                        HouseholdGraduated(
                            kkNumber: kk, desaCode: desa, cluster: graduation.cluster, reason: graduation.reason,
                            graduatedOn: graduation.graduatedOn)))
            }
        }
        return payloads.map { EventEnvelope(id: ids.next(), cluster: $0.statingCluster, time: time, payload: $0) }
    }

    /// The id a cluster gives the enrolment of `kk` in `programme` (one per pair in the demo), made at
    /// `milliseconds`, when the household's events are.
    private func enrolmentID(_ kk: KKNumber, _ programme: String, at milliseconds: UInt64) -> UUID {
        StableIDs.derived(from: kk.rawValue + "/" + programme, seed: seed, milliseconds: milliseconds)
    }
}
