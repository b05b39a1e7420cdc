import Crypto
import EntasAPI
import EntasDomain
import Foundation
import GRDB

extension HouseholdKey {
    /// The key of the household whose No. KK is `kk`: HMAC-SHA256 of the KK under the coordinator's secret.
    init(kk: KKNumber, secret: HouseholdKeySecret) {
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(kk.rawValue.utf8), using: SymmetricKey(data: secret.bytes))
        self.init(validated: code.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined())
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
