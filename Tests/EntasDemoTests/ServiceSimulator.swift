import EntasDemo
import EntasDomain

/// Replays a plan against the rules the cluster services enforce, recording every breach: a test double of
/// the four services' state (assessments, enrolments, referrals, graduations), not of their storage.
struct ServiceSimulator {
    struct EnrolmentKey: Hashable {
        var kk: String
        var cluster: Cluster
        var programme: String
    }

    struct ReferralKey: Hashable {
        var kk: String
        var from: Cluster
        var to: Cluster
    }

    let households: [String: DemoHousehold]
    var assessed: [Cluster: [String: PovertyStatus]] = [:]
    var enrolled: [EnrolmentKey: CalendarDate] = [:]
    var referrals: [ReferralKey: CalendarDate] = [:]
    var answers: [ReferralKey: ReferralOutcome] = [:]
    var graduated: Set<ReferralKey> = []
    var lastDelivery: [String: CalendarDate] = [:]
    var breaches: [String] = []
    var lastPhase = DemoPhase.assessment

    init(households: [String: DemoHousehold]) {
        self.households = households
    }

    mutating func breach(_ text: String) { breaches.append(text) }

    mutating func apply(_ action: DemoAction) {
        if action.phase < lastPhase { breach("phase \(action.phase) after \(lastPhase)") }
        lastPhase = action.phase
        guard let household = households[action.kkNumber] else { return breach("unknown household") }
        switch action {
        case .assessment(let assessment): assess(assessment)
        case .enrolment(let enrolment): enrol(enrolment, household)
        case .delivery(let delivery): deliver(delivery)
        case .referral(let referral):
            let key = ReferralKey(kk: referral.kkNumber, from: referral.fromCluster, to: referral.toCluster)
            if referral.fromCluster == referral.toCluster { breach("self-referral") }
            if referrals[key] != nil { breach("duplicate referral") }
            if referral.reason.isEmpty { breach("referral without reason") }
            referrals[key] = referral.madeOn
        case .referralAnswer(let answer):
            let key = ReferralKey(kk: answer.kkNumber, from: answer.fromCluster, to: answer.toCluster)
            guard let madeOn = referrals[key] else { return breach("answer without referral") }
            if answers[key] != nil { breach("answered twice") }
            if answer.answeredOn < madeOn { breach("answered before made") }
            answers[key] = answer.outcome
        case .graduation(let graduation): graduate(graduation)
        }
    }

    mutating func assess(_ assessment: DemoAssessment) {
        if assessed[assessment.cluster]?[assessment.kkNumber] != nil { breach("assessed twice by one cluster") }
        assessed[assessment.cluster, default: [:]][assessment.kkNumber] = assessment.status
        let band = PovertyClassification.criteriaCounts(for: assessment.status)
        if band?.contains(assessment.criteriaMet.count) != true { breach("criteria outside the stated band") }
        if !(2025...2026).contains(assessment.assessedOn.year) { breach("assessed outside 2025–2026") }
        if assessment.assessor.isEmpty { breach("no assessor") }
    }

    mutating func enrol(_ enrolment: DemoEnrolment, _ household: DemoHousehold) {
        guard let programme = DemoProgrammes.programme(enrolment.programme), programme.cluster == enrolment.cluster else {
            return breach("programme \(enrolment.programme) is not \(enrolment.cluster)'s")
        }
        let status = assessed[enrolment.cluster]?[enrolment.kkNumber] ?? household.baselineStatus
        let member = enrolment.memberNIK.flatMap { nik in household.members.first { $0.nik.rawValue == nik } }
        if programme.enrolsMember, member == nil { breach("\(household.kkNumber) enrolled in \(programme.code) without a member of its own") }
        if programme.eligibility.refusal(for: household.facts(status: status, on: enrolment.startedOn, member: member)) != nil {
            breach("\(household.kkNumber) not eligible for \(programme.code) as \(status)")
        }
        if programme.code == "electricity", !household.criteriaMet.contains(.noElectricLighting) {
            breach("electricity for a lit home")
        }
        let key = EnrolmentKey(kk: enrolment.kkNumber, cluster: enrolment.cluster, programme: enrolment.programme)
        if enrolled[key] != nil { breach("enrolled twice in \(programme.code)") }
        if let from = enrolment.referredBy {
            let referral = ReferralKey(kk: enrolment.kkNumber, from: from, to: enrolment.cluster)
            if answers[referral] != .accepted { breach("follow-up enrolment without an accepted referral") }
        }
        enrolled[key] = enrolment.startedOn
    }

    mutating func deliver(_ delivery: DemoDelivery) {
        let key = EnrolmentKey(kk: delivery.kkNumber, cluster: delivery.cluster, programme: delivery.programme)
        guard let startedOn = enrolled[key] else { return breach("delivery without enrolment") }
        if delivery.deliveredOn < startedOn { breach("delivered before the enrolment started") }
        if !delivery.period.contains(delivery.deliveredOn) { breach("delivered outside its period") }
        if delivery.amountRupiah == nil, delivery.inKindQuantity == nil { breach("empty delivery") }
        if let unit = delivery.inKindUnit, unit != DemoProgrammes.programme(delivery.programme)?.deliveryUnit {
            breach("wrong unit \(unit)")
        }
        if (delivery.inKindQuantity == nil) != (delivery.inKindUnit == nil) { breach("quantity without unit") }
        lastDelivery[delivery.kkNumber] = max(lastDelivery[delivery.kkNumber] ?? delivery.deliveredOn, delivery.deliveredOn)
    }

    mutating func graduate(_ graduation: DemoGraduation) {
        let key = ReferralKey(kk: graduation.kkNumber, from: graduation.cluster, to: graduation.cluster)
        if !graduated.insert(key).inserted { breach("graduated twice") }
        let wasAssessed = assessed[graduation.cluster]?[graduation.kkNumber] != nil
        let wasEnrolled = enrolled.keys.contains { $0.kk == graduation.kkNumber && $0.cluster == graduation.cluster }
        if !wasAssessed, !wasEnrolled { breach("graduated by a cluster that neither assessed nor enrolled it") }
        if let last = lastDelivery[graduation.kkNumber], graduation.graduatedOn <= last {
            breach("graduated before a delivery")
        }
    }
}
