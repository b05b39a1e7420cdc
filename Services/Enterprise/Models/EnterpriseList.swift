import EntasDomain
import Foundation
import GRDB
import Hummingbird

struct EnterpriseList: ResponseCodable, Sendable {
    var enterprises: [Enterprise]
}
