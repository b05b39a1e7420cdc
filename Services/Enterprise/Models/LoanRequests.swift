import EntasService
import EntasDomain
import Foundation
import GRDB
import Hummingbird

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
