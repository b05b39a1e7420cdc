import EntasDomain

/// The demo's verifikasi dan validasi, after the programme cycle: Dinas Sosial's team takes every open case of
/// the kecamatan, verifies about three in five in the field (a musyawarah desa with minutes) and finds what
/// social aid had stated; for about one in six of those the dissenting cluster visits again later and still
/// disagrees, which reopens the case. Each household's share of it is drawn from a stream of its own (the seed
/// and its No. KK), so the same seed verifies and reopens the same households.
public enum DemoVerification {
    /// The team that takes Sumberjambe's cases.
    public static let team = "tksk-350931-verval"
    /// The day the cases are assigned.
    public static let assignedOn = DemoCalendar.day(2026, 7, 1)
    /// Musyawarah desa: 6 July to 31 August 2026.
    static let verifications = DemoCalendar.day(2026, 7, 6)...DemoCalendar.day(2026, 8, 31)
    /// Later visits: 1 October to 15 November 2026.
    static let revisits = DemoCalendar.day(2026, 10, 1)...DemoCalendar.day(2026, 11, 15)
    /// The share of open cases verified, and of those verified, the share reopened.
    static let verifiedShare = 0.6
    static let reopenedShare = 1.0 / 6.0

    /// What happens to one household's open case.
    public struct Outcome: Sendable, Hashable {
        /// The musyawarah desa's day, when the case is verified.
        public var verifiedOn: CalendarDate?
        /// The day the dissenting cluster visits again, when the verified case is reopened.
        public var revisitedOn: CalendarDate?
    }

    /// The outcome for the household `kkNumber` under `seed`.
    public static func outcome(kkNumber: String, seed: UInt64) -> Outcome {
        var generator = DemoMix.generator(seed, .verification, DemoMix.stableHash(kkNumber))
        guard generator.chance(verifiedShare) else { return Outcome() }
        let verifiedOn = DemoCalendar.draw(verifications, using: &generator)
        let revisited = generator.chance(reopenedShare) ? DemoCalendar.draw(revisits, using: &generator) : nil
        return Outcome(verifiedOn: verifiedOn, revisitedOn: revisited)
    }

    /// The minutes (berita acara) of desa `desa`'s musyawarah: `BA-MUSDES/35.09.31.2006/2026/014`.
    public static func minutes(desa: RegionCode, number: Int) -> String {
        "BA-MUSDES/\(desa.dotted)/2026/\(DemoDigits.padded(number, 3))"
    }
}
