import EntasService
import EntasDomain
import Foundation
import GRDB
import Hummingbird

/// Where a KUR loan is, from application to the last repayment.
enum LoanStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case applied, approved, rejected, disbursed, repaid
}
