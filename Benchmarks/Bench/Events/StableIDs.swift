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

    /// The id that always follows from `name` (an enrolment's, from its household and programme): random
    /// (version 4), where the services' enrolment ids are time-ordered.
    static func derived(from name: String, seed: UInt64) -> UUID {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3 }
        return uuid(SplitMix64.finalize(hash), SplitMix64.finalize(hash &+ 0x9e37_79b9_7f4a_7c15))
    }

    private static func uuid(_ high: UInt64, _ low: UInt64) -> UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: high >> (8 * UInt64(index)))
            bytes[8 + index] = UInt8(truncatingIfNeeded: low >> (8 * UInt64(index)))
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x40
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
