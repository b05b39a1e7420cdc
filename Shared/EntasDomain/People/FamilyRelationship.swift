/// Status hubungan dalam keluarga: a member's relationship to the head, as the KK (Kartu Keluarga) lists it.
public enum FamilyRelationship: String, Sendable, Hashable, Codable, CaseIterable {
    /// Kepala keluarga: the head; a household's list has exactly one, with the head's NIK.
    case head
    /// Istri / suami.
    case spouse
    /// Anak (also anak angkat, anak tiri as the KK writes them).
    case child
    /// Menantu.
    case childInLaw
    /// Cucu.
    case grandchild
    /// Orang tua.
    case parent
    /// Mertua.
    case parentInLaw
    /// Famili lain.
    case otherRelative
    /// Lainnya (pembantu, …).
    case other

    /// The KK's own words.
    public var indonesianName: String {
        switch self {
        case .head: "Kepala Keluarga"
        case .spouse: "Istri/Suami"
        case .child: "Anak"
        case .childInLaw: "Menantu"
        case .grandchild: "Cucu"
        case .parent: "Orang Tua"
        case .parentInLaw: "Mertua"
        case .otherRelative: "Famili Lain"
        case .other: "Lainnya"
        }
    }
}
