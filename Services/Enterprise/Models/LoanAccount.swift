import EntasService
import EntasDomain
import Foundation
import GRDB
import Hummingbird

/// A loan with its repayments and its position on a day.
struct LoanAccount: ResponseCodable, Sendable {
    var loan: Loan
    var repayments: [Repayment]
    var position: LoanPosition?
}
