import Crypto
import EntasDomain
import Foundation

/// A person as the coordinator knows them: HMAC-SHA256 of `entas.person:` and the NIK under the coordinator's
/// secret, 64 lowercase hexadecimal digits. The NIK itself is never stored or logged; the prefix keeps a
/// person's key apart from any household's (``HouseholdKey``).
struct PersonKey: Sendable, Hashable, Comparable {
    let rawValue: String

    init(nik: NIK, keying: HouseholdKeying) {
        let code = HMAC<SHA256>.authenticationCode(for: Data("entas.person:\(nik.rawValue)".utf8), using: keying.key)
        rawValue = code.map { String(format: "%02x", $0) }.joined()
    }

    init(stored: String) { rawValue = stored }

    static func < (lhs: PersonKey, rhs: PersonKey) -> Bool { lhs.rawValue < rhs.rawValue }
}
