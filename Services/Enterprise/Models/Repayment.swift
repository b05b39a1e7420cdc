import EntasService
import EntasDomain
import Foundation
import GRDB
import Hummingbird

/// A repayment of principal.
struct Repayment: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "loanRepayment"
    var loanId: UUID
    var paidOn: CalendarDate
    var amountRupiah: Int64

    static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
}
