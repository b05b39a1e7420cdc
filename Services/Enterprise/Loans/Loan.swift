import EntasDomain
import Foundation
import GRDB
import Hummingbird

/// Where a KUR loan is, from application to the last repayment.
enum LoanStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case applied, approved, rejected, disbursed, repaid
}

/// KUR (Kredit Usaha Rakyat): a microcredit loan to a household's enterprise. Amounts are
/// principal in rupiah; the bank's interest is not tracked here.
struct Loan: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "loan"
    var id: UUID
    var enterpriseId: UUID
    var kkNumber: KKNumber
    var requestedRupiah: Int64
    var termMonths: Int
    var appliedOn: CalendarDate
    var status: LoanStatus
    var approvedRupiah: Int64?
    var decidedOn: CalendarDate?
    var rejectionReason: String?
    var disbursedOn: CalendarDate?
    /// The `kur` enrolment that approval started.
    var enrolmentId: UUID?

    enum Columns {
        static let kkNumber = Column(CodingKeys.kkNumber)
        static let status = Column(CodingKeys.status)
        static let appliedOn = Column(CodingKeys.appliedOn)
    }

    static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
}

/// A repayment of principal.
struct Repayment: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "loanRepayment"
    var loanId: UUID
    var paidOn: CalendarDate
    var amountRupiah: Int64

    static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
}

/// A loan with its repayments and its position on a day.
struct LoanAccount: ResponseCodable, Sendable {
    var loan: Loan
    var repayments: [Repayment]
    var position: LoanPosition?
}

struct LoanList: ResponseCodable, Sendable {
    var loans: [LoanAccount]
}

/// `POST /v1/loans`.
struct LoanApplication: Codable, Sendable {
    var enterpriseId: UUID
    var amountRupiah: Int64
    var termMonths: Int
    var appliedOn: CalendarDate
}

/// `POST /v1/loans/{id}/approve`: the amount approved defaults to the amount requested.
struct LoanApproval: Codable, Sendable {
    var approvedOn: CalendarDate
    var amountRupiah: Int64?
}

/// `POST /v1/loans/{id}/reject`.
struct LoanRejection: Codable, Sendable {
    var rejectedOn: CalendarDate
    var reason: String
}

/// `POST /v1/loans/{id}/disburse`.
struct LoanDisbursement: Codable, Sendable {
    var disbursedOn: CalendarDate
}

/// `POST /v1/loans/{id}/repayments`.
struct RepaymentRequest: Codable, Sendable {
    var paidOn: CalendarDate
    var amountRupiah: Int64
}
