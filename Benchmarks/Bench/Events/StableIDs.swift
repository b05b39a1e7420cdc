import EntasDemo
import EntasDomain
import Foundation

/// Event, enrolment and delivery ids drawn from one seeded stream, so a run's events are the
/// same every time.
struct StableIDs: Sendable {
    private var generator: SplitMix64
    /// The clock of the time-ordered ids: one millisecond an id from 1 January 2026.
    private var milliseconds: UInt64 = 1_767_225_600_000

    init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    /// The next id, time-ordered (version 7) as the services make them (``Foundation/UUID/timeOrdered(at:)``).
    mutating func next() -> UUID {
        milliseconds += 1
        return UUID.timeOrdered(milliseconds: milliseconds, using: &generator)
    }

    /// The clock of the next id, in milliseconds since 1970.
    var clock: UInt64 { milliseconds + 1 }

    /// The id that always follows from `name` (an enrolment's, from its household and programme) made at
    /// `milliseconds`: time-ordered as the services' enrolment ids are, its random bits from `name`.
    static func derived(from name: String, seed: UInt64, milliseconds: UInt64) -> UUID {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3 }
        var generator = SplitMix64(seed: hash)
        return UUID.timeOrdered(milliseconds: milliseconds, using: &generator)
    }
}
