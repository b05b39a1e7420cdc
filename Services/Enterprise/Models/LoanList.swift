import EntasService
import EntasDomain
import Foundation
import GRDB
import Hummingbird

struct LoanList: ResponseCodable, Sendable {
    var loans: [LoanAccount]
}
