import EntasDomain

extension DemoCycleDraft {
    /// Notes a cluster gives when it declines a referral it could have taken.
    static let declineNotes = [
        "kuota periode ini sudah penuh (this period's quota is full)",
        "rumah tangga tidak ditemukan di alamat KK (household not found at the address)",
        "rumah tangga menolak tawaran (the household declined the offer)",
    ]

    /// Referrals, at most one per pair of clusters:
    /// - social aid → UMKM: a productive M/HM household (2+ members) social aid serves;
    /// - social aid → low cost: an SM/M household social aid serves with a bad house, no electricity or
    ///   unsafe water;
    /// - empowerment → UMKM: a KSM member;
    /// - empowerment → social aid: a gap household, left unanswered so the gap stays visible.
    /// Other referrals are answered unless drawn unanswered: accepted (with a follow-up enrolment) when the
    /// target has a programme the household may join and is not in, declined otherwise.
    mutating func refer() {
        let servedBySocialAid = result.enrolments.contains { $0.cluster == .socialAid }
        let socialAidSees = seen(by: .socialAid)
        if servedBySocialAid, socialAidSees == .miskin || socialAidSees == .hampirMiskin, household.memberCount >= 2,
            generator.chance(rates.socialAidToEnterprise)
        {
            referral(
                from: .socialAid, to: .enterprise, offering: ["kur", "training", "cooperative"],
                reason: "rumah tangga produktif: KUR atau pelatihan usaha (productive household: microcredit or training)")
        }
        let needsBasics: Set<PovertyCriterion> = [
            .noElectricLighting, .unsafeDrinkingWaterSource, .floorEarthBambooOrCheapWood,
            .wallBambooThatchCheapWoodOrUnplastered, .floorAreaUnder8m2PerPerson,
        ]
        if servedBySocialAid, socialAidSees == .sangatMiskin || socialAidSees == .miskin,
            !needsBasics.isDisjoint(with: household.criteriaMet), generator.chance(rates.socialAidToLowCost)
        {
            referral(
                from: .socialAid, to: .lowCost, offering: ["electricity", "rtlh", "clean-water"],
                reason: "rumah tidak layak huni, tanpa listrik atau air bersih (unfit house, no electricity or clean water)")
        }
        if isEnrolled(in: "ksm"), generator.chance(rates.empowermentToEnterprise) {
            referral(
                from: .communityEmpowerment, to: .enterprise, offering: ["kur", "cooperative"],
                reason: "anggota KSM dengan usaha kelompok: KUR (KSM member with a group business: microcredit)")
        }
        if result.trajectory == .gap, generator.chance(rates.gapToSocialAid) {
            result.referrals.append(
                DemoReferral(
                    kkNumber: household.kkNumber, fromCluster: .communityEmpowerment, toCluster: .socialAid,
                    reason: "sangat miskin tanpa bantuan sosial: verifikasi untuk PKH, Rastra, Jamkesda "
                        + "(very poor without social aid: verify for PKH, Rastra, Jamkesda)",
                    madeOn: DemoCalendar.draw(DemoCalendar.referrals, using: &generator)))
        }
    }

    /// Makes a referral and, unless drawn unanswered, its answer and any follow-up enrolment in the first of
    /// `offering` the household may join.
    private mutating func referral(from: Cluster, to: Cluster, offering codes: [String], reason: String) {
        let madeOn = DemoCalendar.draw(DemoCalendar.referrals, using: &generator)
        result.referrals.append(
            DemoReferral(kkNumber: household.kkNumber, fromCluster: from, toCluster: to, reason: reason, madeOn: madeOn))
        guard !generator.chance(rates.unanswered) else { return }
        let answeredOn = madeOn.adding(days: generator.next(in: 2...21))
        let facts = facts(seenBy: to)
        let open = codes.compactMap(DemoProgrammes.programme).first { programme in
            programme.cluster == to && !isEnrolled(in: programme.code) && DemoProgrammes.isEligible(facts, for: programme)
        }
        guard let programme = open, generator.chance(rates.accepted) else {
            let note =
                open == nil
                ? "tidak memenuhi syarat atau sudah terdaftar (not eligible, or already enrolled)"
                : generator.element(of: Self.declineNotes) ?? "kuota penuh"
            result.referralAnswers.append(
                DemoReferralAnswer(
                    kkNumber: household.kkNumber, fromCluster: from, toCluster: to, outcome: .declined, note: note,
                    answeredOn: answeredOn))
            return
        }
        result.referralAnswers.append(
            DemoReferralAnswer(
                kkNumber: household.kkNumber, fromCluster: from, toCluster: to, outcome: .accepted,
                note: "didaftarkan ke \(programme.indonesianName) (enrolled)", answeredOn: answeredOn))
        result.followUpEnrolments.append(
            DemoEnrolment(
                kkNumber: household.kkNumber, cluster: to, programme: programme.code,
                startedOn: answeredOn.adding(days: generator.next(in: 1...10)), referredBy: from))
    }
}
