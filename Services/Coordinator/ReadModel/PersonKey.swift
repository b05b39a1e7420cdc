import EntasDomain
import Foundation

/// A person as the coordinator knows them: HMAC-SHA256 of `entas.person:` and the NIK under the coordinator's
/// secret, 64 lowercase hexadecimal digits. The NIK itself is never stored or logged; the prefix keeps a
/// person's key apart from any household's (``HouseholdKey``).
struct PersonKey: Sendable, Hashable, Comparable {
    let rawValue: String

    init(nik: NIK, keying: HouseholdKeying) {
        rawValue = keying.lowercaseHexCode(of: "entas.person:" + nik.rawValue)
    }

    init(stored: String) { rawValue = stored }

    static func < (lhs: PersonKey, rhs: PersonKey) -> Bool { lhs.rawValue < rhs.rawValue }
}
