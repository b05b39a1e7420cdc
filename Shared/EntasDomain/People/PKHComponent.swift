/// Komponen PKH: what makes a family member count for PKH (Program Keluarga Harapan).
///
/// A member counts under the first that applies, in this order; PKH pays for at most
/// ``PKHComponent/cap`` members of one family.
public enum PKHComponent: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ibu hamil / menyusui (nifas).
    case pregnantOrNursing
    /// Anak usia dini: a child under six.
    case earlyChildhood
    /// Anak sekolah SD/sederajat, attending.
    case primarySchool
    /// Anak sekolah SMP/sederajat, attending.
    case juniorSecondary
    /// Anak sekolah SMA/sederajat, attending (up to 21).
    case seniorSecondary
    /// Penyandang disabilitas berat.
    case severeDisability
    /// Lanjut usia: 60 years or older.
    case elderly

    /// The most members of one family PKH counts (and pays for).
    public static let cap = 4
    /// The age from which a member is elderly (lanjut usia).
    public static let elderlyAge = 60
    /// The oldest a pupil counts (PKH and PIP: 6–21).
    public static let oldestPupil = 21

    /// The component `member` counts under on `date`, if any.
    public static func of(_ member: HouseholdMember, on date: CalendarDate) -> PKHComponent? {
        let age = member.age(on: date)
        if member.pregnantOrNursing { return .pregnantOrNursing }
        if age < 6 { return .earlyChildhood }
        if member.inSchool, age <= oldestPupil, let level = member.schoolLevel {
            switch level {
            case .sd: return .primarySchool
            case .smp: return .juniorSecondary
            case .sma: return .seniorSecondary
            }
        }
        if member.severeDisability { return .severeDisability }
        if age >= elderlyAge { return .elderly }
        return nil
    }

    /// Each counting member's component on `date`, in list order, at most ``cap`` of them.
    public static func components(of members: [HouseholdMember], on date: CalendarDate) -> [PKHComponent] {
        Array(members.compactMap { of($0, on: date) }.prefix(cap))
    }
}

extension HouseholdMember {
    /// A pupil PIP (Program Indonesia Pintar) may enrol on `date`: attending SD, SMP or SMA, aged 6–21.
    public func isPupil(on date: CalendarDate) -> Bool {
        let age = age(on: date)
        return inSchool && schoolLevel != nil && age >= 6 && age <= PKHComponent.oldestPupil
    }
}
