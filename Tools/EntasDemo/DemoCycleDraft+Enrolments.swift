import EntasDomain

extension DemoCycleDraft {
    /// Ordinary enrolments: every programme whose rule the household meets (with the status its cluster
    /// sees) enrols it with that programme's uptake share. Gap households get none. An SM household that is
    /// not a gap and drew no social aid gets Jamkesda, so the only SM households without any enrolment are
    /// the planned gaps.
    mutating func enrol() {
        guard result.trajectory != .gap else { return }
        for programme in DemoProgrammes.all {
            let facts = facts(seenBy: programme.cluster, member: programme.enrolsMember ? household.pupil(on: DemoHousehold.enrolmentReference) : nil)
            guard let status = facts.status, DemoProgrammes.isEligible(facts, for: programme) else { continue }
            if generator.chance(rates.uptake(of: programme.code, status: status)) { add(programme) }
        }
        let hasSocialAid = result.enrolments.contains { $0.cluster == .socialAid }
        if household.baselineStatus == .sangatMiskin, !hasSocialAid,
            let jamkesda = DemoProgrammes.programme("jamkesda"),
            DemoProgrammes.isEligible(facts(seenBy: .socialAid), for: jamkesda)
        {
            add(jamkesda)
        }
    }

    /// Enrols in `programme`: 3–45 days after the cluster's assessment, or any day of the enrolment window
    /// when it did not assess; not when the rule no longer holds on that day (a child turned six, a pupil
    /// left school age). A programme of one person enrols the eldest pupil on that day.
    private mutating func add(_ programme: Programme) {
        let startedOn: CalendarDate
        if let assessment = result.assessments.first(where: { $0.cluster == programme.cluster }) {
            startedOn = assessment.assessedOn.adding(days: generator.next(in: 3...45))
        } else {
            startedOn = DemoCalendar.draw(DemoCalendar.enrolments, using: &generator)
        }
        let member = programme.enrolsMember ? household.pupil(on: startedOn) : nil
        guard DemoProgrammes.isEligible(facts(seenBy: programme.cluster, on: startedOn, member: member), for: programme) else { return }
        result.enrolments.append(
            DemoEnrolment(
                kkNumber: household.kkNumber, cluster: programme.cluster, programme: programme.code,
                startedOn: startedOn, referredBy: nil, memberNIK: member?.nik.rawValue))
    }

    /// Deliveries: a share of enrolments get them; a periodic programme one to three consecutive quarters
    /// from the enrolment's quarter, the others one; never past 2026-Q1, never before the enrolment started.
    mutating func deliver() {
        for enrolment in result.enrolments {
            guard let programme = DemoProgrammes.programme(enrolment.programme), generator.chance(rates.delivered) else {
                continue
            }
            let wanted = DemoProgrammes.periodic.contains(programme.code) ? generator.next(in: 1...3) : 1
            var quarter = Period.containing(enrolment.startedOn, as: .quarter(1))
            var made = 0
            while made < wanted, quarter <= DemoCalendar.lastDeliveryQuarter {
                let earliest = max(quarter.firstDay, enrolment.startedOn)
                let deliveredOn = DemoCalendar.draw(earliest...quarter.lastDay, using: &generator)
                let amount = DemoDeliveryAmount.of(programme, for: household, using: &generator)
                result.deliveries.append(
                    DemoDelivery(
                        kkNumber: household.kkNumber, cluster: programme.cluster, programme: programme.code,
                        amountRupiah: amount.rupiah, inKindQuantity: amount.quantity, inKindUnit: amount.unit,
                        period: quarter, deliveredOn: deliveredOn, memberNIK: enrolment.memberNIK))
                made += 1
                quarter = DemoCalendar.nextQuarter(after: quarter)
            }
        }
    }
}
