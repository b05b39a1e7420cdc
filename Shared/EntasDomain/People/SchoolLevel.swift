/// Jenjang pendidikan: the school level a member attends (or last attended), as PKH's and PIP's rules name them.
public enum SchoolLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// SD / MI / sederajat (primary, usually ages 7–12).
    case sd
    /// SMP / MTs / sederajat (junior secondary, 13–15).
    case smp
    /// SMA / SMK / MA / sederajat (senior secondary, 16–18).
    case sma

    public static func < (lhs: SchoolLevel, rhs: SchoolLevel) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
