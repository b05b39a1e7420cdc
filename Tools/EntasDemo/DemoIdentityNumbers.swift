import EntasDomain

/// Issues KK numbers and head NIKs for one kecamatan, unique by construction.
///
/// - No. KK: the kecamatan's six digits, the issue date DDMMYY (a day from 2000-01-01 to 2024-12-31, and
///   not before the head turned 18) and a four-digit sequence. The sequence is the number of cards already issued that day plus a small offset
///   fixed per day, so no two households of the kecamatan share a number.
/// - NIK: the kecamatan's six digits, the birth date DDMMYY with 40 added to the day for women, and a
///   four-digit sequence from 0001, counted per birth date and sex the same way.
///
/// Memory is bounded by the number of distinct days (about 9,000 issue days and 45,000 birth dates), not by
/// the number of households.
struct DemoIdentityNumbers {
    /// The kecamatan's digits, e.g. `350931`.
    let prefix: String
    private let seed: UInt64
    private let kecamatanIndex: UInt64
    private var cardsPerDay: [Int: Int] = [:]
    private var peoplePerBirthCode: [Int: Int] = [:]
    private var membersPerBirthCode: [Int: Int] = [:]

    /// First day a demo KK can be issued: 2000-01-01.
    static let firstIssueDay = CalendarDate(daysSinceEpoch: 10_957)
    /// Last day a demo KK can be issued: 2024-12-31.
    static let lastIssueDay = CalendarDate(daysSinceEpoch: 20_088)

    init(prefix: String, seed: UInt64, kecamatanIndex: Int) {
        self.prefix = prefix
        self.seed = seed
        self.kecamatanIndex = UInt64(kecamatanIndex)
    }

    /// A new KK number issued on a day drawn from `generator`, no earlier than `notBefore`.
    mutating func kkNumber(notBefore: CalendarDate, using generator: inout SplitMix64) -> String {
        let last = Self.lastIssueDay.daysSinceEpoch
        let first = min(max(Self.firstIssueDay.daysSinceEpoch, notBefore.daysSinceEpoch), last)
        let day = first + generator.next(below: last - first + 1)
        let issued = CalendarDate(daysSinceEpoch: day)
        let already = cardsPerDay[day, default: 0]
        cardsPerDay[day] = already + 1
        let offset = Int(DemoMix.combine(seed, .kkSequence, kecamatanIndex, UInt64(day)) % 25)
        return prefix + Self.ddmmyy(day: issued.day, issued) + DemoDigits.padded(Self.fourDigits(1 + offset + already), 4)
    }

    /// A new NIK for a person of `sex` born on `birth`.
    mutating func nik(sex: Sex, born birth: CalendarDate) -> String {
        let writtenDay = sex == .female ? birth.day + 40 : birth.day
        let code = (writtenDay * 100 + birth.month) * 100 + birth.year % 100
        let already = peoplePerBirthCode[code, default: 0]
        peoplePerBirthCode[code] = already + 1
        let offset = Int(DemoMix.combine(seed, .nikSequence, kecamatanIndex, UInt64(code)) % 9)
        return prefix + Self.ddmmyy(day: writtenDay, birth) + DemoDigits.padded(Self.fourDigits(1 + offset + already), 4)
    }

    /// A new NIK for a household member (not a head) of `sex` born on `birth`: sequences from 5001, so they
    /// never meet a head's (which stay far below 5000 per birth date in a kecamatan).
    mutating func memberNIK(sex: Sex, born birth: CalendarDate) -> String {
        let writtenDay = sex == .female ? birth.day + 40 : birth.day
        let code = (writtenDay * 100 + birth.month) * 100 + birth.year % 100
        let already = membersPerBirthCode[code, default: 0]
        membersPerBirthCode[code] = already + 1
        return prefix + Self.ddmmyy(day: writtenDay, birth) + DemoDigits.padded(Self.fourDigits(5_001 + already), 4)
    }

    /// `day` (possibly with 40 added), month and two-digit year of `date`.
    private static func ddmmyy(day: Int, _ date: CalendarDate) -> String {
        DemoDigits.padded(day, 2) + DemoDigits.padded(date.month, 2) + DemoDigits.padded(date.year % 100, 2)
    }

    /// Keeps a sequence within 0001–9999 (wrapping past 9999, which the capped demo sizes never reach).
    private static func fourDigits(_ sequence: Int) -> Int {
        sequence <= 9_999 ? sequence : 1 + (sequence - 1) % 9_999
    }
}
