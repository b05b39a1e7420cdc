/// Why a member left a household's KK.
public enum DepartureReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Meninggal dunia.
    case died
    /// Pindah / pecah KK: the person now belongs to another (often a new) KK.
    case movedOut
    /// Menikah: joined the spouse's KK.
    case married
    /// Any other correction of the list (registered by mistake, …).
    case other
}

/// A member taken off a household's list, and why (in `household.updated`, beside the new list).
public struct MemberDeparture: Sendable, Hashable, Codable {
    /// The member's NIK.
    public var nik: NIK
    public var reason: DepartureReason

    public init(nik: NIK, reason: DepartureReason) {
        self.nik = nik
        self.reason = reason
    }
}
