import EntasService
import EntasDomain
import Foundation
import EntasStore
import GRDB
import Hummingbird

/// KUR (Kredit Usaha Rakyat): a microcredit loan to a household's enterprise. Amounts are
/// principal in rupiah; the bank's interest is not tracked here.
struct Loan: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, LowercaseUUIDRecord {
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
}

extension Loan {
    /// KUR Kecil's ceiling (Rp 500 juta); KUR Mikro loans are far smaller.
    static let largestRupiah: Int64 = 500_000_000
    static let longestTermMonths = 60

    /// A conflict problem unless the loan is `status`, for `action` (approve, disburse, …, as the reader's language says it).
    func expect(_ status: LoanStatus, to action: Message) throws {
        guard self.status == status else {
            throw ProblemDocument.conflict(
                Message("services.loan.wrongStatus", .message(action), .text(self.status.rawValue), .text(status.rawValue)),
                code: "loan-\(self.status.rawValue)")
        }
    }
}
