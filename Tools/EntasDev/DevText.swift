import EntasDemo
import EntasDomain

/// What `entas dev` prints for a person about the demo, in the current language (its logs stay English).
enum DevText {
    /// `assessment` / `penilaian status`: a phase of the demo's programme cycle.
    static func phase(_ phase: DemoPhase) -> Message {
        switch phase {
        case .assessment: Message("dev.phase.assessment")
        case .enrolment: Message("dev.phase.enrolment")
        case .delivery: Message("dev.phase.delivery")
        case .referral: Message("dev.phase.referral")
        case .referralAnswer: Message("dev.phase.referralAnswer")
        case .followUpEnrolment: Message("dev.phase.followUpEnrolment")
        case .graduation: Message("dev.phase.graduation")
        }
    }

    /// The demo's counts, one line: households, assessments, enrolments, … actions.
    static func counts(_ counts: DemoActionCounts) -> Message {
        Message(
            "dev.demo.counts", .count(counts.households), .count(counts.assessments), .count(counts.conflictHouseholds), .count(counts.enrolments),
            .count(counts.deliveries), .count(counts.referrals), .count(counts.acceptedReferrals), .count(counts.declinedReferrals),
            .count(counts.openReferrals), .count(counts.followUpEnrolments), .count(counts.graduations), .count(counts.graduatedHouseholds),
            .count(counts.gapHouseholds), .count(counts.total))
    }

    /// `12.3 s` / `12,3 d`: seconds since `start`.
    static func seconds(since start: ContinuousClock.Instant) -> Message {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Message("dev.seconds", .decimal(seconds, digits: 1))
    }
}
