import EntasService
import EntasDomain
import Foundation
import EntasStore
import GRDB
import Hummingbird

/// A repayment of principal.
struct Repayment: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, LowercaseUUIDRecord {
    static let databaseTableName = "loanRepayment"
    var loanId: UUID
    var paidOn: CalendarDate
    var amountRupiah: Int64
}
