/// Nomor Induk Kependudukan: the 16-digit personal identity number.
///
/// Digits 1–6 are the kecamatan of registration (must exist in the reference), 7–8 the birth day (women add
/// 40: 41–71), 9–10 the birth month, 11–12 the last two digits of the birth year, 13–16 a sequence from 0001.
/// The day and month must be a real date; 29 February is accepted when the year could be a leap year in
/// either century (19yy or 20yy), that is when yy is a multiple of 4.
/// Printing shows only the masked form (`350931******0003`). Codable as the 16-digit string; decoding
/// validates against ``RegionReference/eastJava``.
public struct NIK: Sendable, Hashable, Comparable, TextCodable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    /// The 16 digits. Do not log this; use ``masked``.
    public let rawValue: String
    /// Jenis kelamin, from the birth day (over 40 means female).
    public let sex: Sex
    /// Day of birth, 1–31 (the +40 for women already removed).
    public let birthDay: Int
    /// Month of birth, 1–12.
    public let birthMonth: Int
    /// The last two digits of the birth year, 0–99 (the century is not recorded).
    public let birthYearTwoDigits: Int

    /// The field name errors carry: `"nik"`.
    public static let field = "nik"

    /// Validates `string` as a NIK.
    /// - Parameter reference: the regions its first six digits must name; Jawa Timur by default.
    public init(_ string: String, in reference: RegionReference = .eastJava) throws(IdentityNumberError) {
        let digits = try IdentityDigits.validate(string, field: Self.field, in: reference)
        let writtenDay = IdentityDigits.pair(digits, at: 6)
        let month = IdentityDigits.pair(digits, at: 8)
        let year = IdentityDigits.pair(digits, at: 10)
        let sex: Sex
        let day: Int
        switch writtenDay {
        case 1...31: (sex, day) = (.male, writtenDay)
        case 41...71: (sex, day) = (.female, writtenDay - 40)
        default:
            throw .invalidBirthDate(
                field: Self.field, reason: Message("domain.identity.birthDay", .text(String(writtenDay))))
        }
        guard (1...12).contains(month) else {
            throw .invalidBirthDate(field: Self.field, reason: Message("domain.identity.birthMonth", .text(String(month))))
        }
        let longest = month == 2 ? (year % 4 == 0 ? 29 : 28) : CalendarDate.daysInMonth(month, year: 2001)
        guard day <= longest else {
            throw .invalidBirthDate(
                field: Self.field,
                reason: Message("domain.identity.birthDayOfMonth", .text(String(month)), .text(String(day)), .text(Self.twoDigits(year))))
        }
        guard digits[12...].contains(where: { $0 != 0 }) else { throw .zeroSequence(field: Self.field) }
        rawValue = string
        self.sex = sex
        birthDay = day
        birthMonth = month
        birthYearTwoDigits = year
    }

    /// The kecamatan where the person was registered (first six digits), e.g. `35.09.31`.
    public var kecamatanCode: RegionCode { RegionCode(uncheckedDigits: String(rawValue.prefix(6))) }

    /// The number with digits 7–12 hidden: `350931******0003`.
    public var masked: String { IdentityNumberMask.mask(rawValue) }

    /// The masked form, so accidental logging leaks nothing.
    public var description: String { masked }
    /// The masked form.
    public var debugDescription: String { "NIK(\(masked))" }
    /// Shows only the masked form to `dump` and debuggers.
    public var customMirror: Mirror { Mirror(self, children: ["masked": masked]) }

    public static func < (lhs: NIK, rhs: NIK) -> Bool { lhs.rawValue < rhs.rawValue }

    public static func == (lhs: NIK, rhs: NIK) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension NIK {
    public static func parse(_ text: String) throws(IdentityNumberError) -> NIK { try NIK(text) }
    public var jsonText: String { rawValue }
}
