import Crypto
import EntasAPI
import EntasDomain
import Foundation
import GRDB

extension HouseholdKey {
    /// The key of the household whose No. KK is `kk`: HMAC-SHA256 of the KK under the coordinator's secret.
    init(kk: KKNumber, secret: HouseholdKeySecret) {
        self.init(kk: kk, keying: HouseholdKeying(secret))
    }

    /// The key of the household whose No. KK is `kk`, with the secret's key prepared once (``HouseholdKeying``).
    init(kk: KKNumber, keying: HouseholdKeying) {
        self.init(validated: keying.lowercaseHexCode(of: kk.rawValue))
    }
}

/// The coordinator's secret as an HMAC key, made once: a `SymmetricKey` per event cost as much as the HMAC.
///
/// `SymmetricKey` is an immutable value that swift-crypto does not mark `Sendable`; it is never changed
/// after `init`, so sharing it between tasks is safe.
struct HouseholdKeying: @unchecked Sendable {
    /// HMAC-SHA256 keyed once: the key's inner and outer blocks, hashed, which every code starts from (a copy
    /// of it each time; keying it again cost two of the three SHA-256 blocks of a household's key).
    let keyed: HMAC<SHA256>

    init(_ secret: HouseholdKeySecret) {
        keyed = HMAC<SHA256>(key: SymmetricKey(data: secret.bytes))
    }

    /// HMAC-SHA256 of `text` under the key as 64 lowercase hexadecimal digits, written straight into the
    /// string's storage (`String(format:)` per byte cost more than the HMAC).
    func lowercaseHexCode(of text: String) -> String {
        var code = keyed
        var text = text
        text.withUTF8 { code.update(data: UnsafeRawBufferPointer($0)) }
        return code.finalize().withUnsafeBytes(LowercaseHex.string(of:))
    }
}

extension HouseholdKey: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> HouseholdKey? {
        String.fromDatabaseValue(dbValue).flatMap { try? HouseholdKey($0) }
    }
}

extension AssessmentSource: DatabaseValueConvertible {}
extension BaselineSource: DatabaseValueConvertible {}
extension CaseKind: DatabaseValueConvertible {}
