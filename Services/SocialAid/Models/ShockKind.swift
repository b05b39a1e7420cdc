import GRDB

/// What struck a household (guncangan): the events after which social aid gives relief.
enum ShockKind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Sakit: serious illness of a member.
    case illness
    /// Kematian pencari nafkah: the breadwinner died.
    case breadwinnerDeath
    /// Kehilangan pekerjaan (PHK): the breadwinner lost their work.
    case jobLoss
    /// Bencana: flood, landslide, fire, drought.
    case disaster
}
