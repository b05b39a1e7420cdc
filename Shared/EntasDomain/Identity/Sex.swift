/// Jenis kelamin: the sex a NIK records (women's birth day is written as day + 40).
public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
    /// Laki-laki.
    case male
    /// Perempuan.
    case female
}
