import EntasAPI
import EntasDomain

/// A statement of where a household lives: a registration's or an update's `desaCode` (authority 1), or
/// the `desaCode` any other household event carries (authority 0).
///
/// The household lives where its newest fact of the highest authority says: registrations and updates
/// decide once one has arrived, and among equals the later `ce_time` (then the greater event id) wins. So an
/// enrolment arriving before the registration places the household provisionally, a registration arriving
/// late does not undo a later move, and any arrival order ends in the same desa.
struct LocationFact: Sendable, Hashable {
    var desaCode: RegionCode
    var authority: Int
    var order: FactOrder

    /// True when this fact should replace `current`.
    func supersedes(_ current: LocationFact) -> Bool {
        (authority, order) > (current.authority, current.order)
    }
}

extension Household {
    /// The fact the household's current desa came from.
    var location: LocationFact {
        LocationFact(
            desaCode: desaCode, authority: locationAuthority,
            order: FactOrder(time: locationTime, eventId: locationEventId))
    }

    /// Moves the household when `fact` supersedes its current location.
    mutating func adopt(_ fact: LocationFact) {
        guard fact.supersedes(location) else { return }
        move(to: fact.desaCode)
        locationAuthority = fact.authority
        locationTime = fact.order.time
        locationEventId = fact.order.eventId
    }
}
