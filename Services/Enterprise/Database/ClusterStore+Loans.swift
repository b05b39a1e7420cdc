import EntasCluster
import EntasDomain
import EntasService
import Foundation
import GRDB

/// UMKM's reads and writes of KUR loans: application, approval (enrolling the household in
/// `kur`), rejection, disbursement (a delivery), repayments (the last one ends the enrolment).
extension ClusterStore {

    func applyForLoan(_ application: LoanApplication) async throws -> LoanAccount {
        guard (1...Loan.largestRupiah).contains(application.amountRupiah) else {
            throw ProblemDocument.invalidField(
                "amountRupiah", Message("services.loan.amountRange", .rupiah(1), .rupiah(Loan.largestRupiah), .rupiah(application.amountRupiah)))
        }
        guard (1...Loan.longestTermMonths).contains(application.termMonths) else {
            throw ProblemDocument.invalidField(
                "termMonths", Message("services.loan.termRange", .count(Loan.longestTermMonths), .count(application.termMonths)))
        }
        return try await database.write { db in
            let enterprise = try requireEnterprise(application.enterpriseId, in: db)
            let loan = Loan(
                id: .timeOrdered(), enterpriseId: enterprise.id, kkNumber: enterprise.kkNumber, requestedRupiah: application.amountRupiah,
                termMonths: application.termMonths, appliedOn: application.appliedOn, status: .applied)
            try loan.insert(db)
            return try loanAccount(loan, asOf: application.appliedOn, in: db)
        }
    }

    func approveLoan(_ id: UUID, _ approval: LoanApproval) async throws -> LoanAccount {
        try await database.write { db in
            var loan = try requireLoan(id, in: db)
            try loan.expect(.applied, to: Message("services.loan.action.approve"))
            let amount = approval.amountRupiah ?? loan.requestedRupiah
            guard (1...loan.requestedRupiah).contains(amount) else {
                throw ProblemDocument.invalidField(
                    "amountRupiah", Message("services.loan.approvedRange", .rupiah(1), .rupiah(loan.requestedRupiah), .rupiah(amount)))
            }
            guard approval.approvedOn >= loan.appliedOn else {
                throw ProblemDocument.invalidField(
                    "approvedOn", Message("services.loan.approvedBeforeApplied", .day(approval.approvedOn), .day(loan.appliedOn)))
            }
            let enrolment = try enrol(EnrolmentRequest(kkNumber: loan.kkNumber, programme: EnterpriseProgrammes.kur.code, startedOn: approval.approvedOn), in: db)
            loan.status = .approved
            loan.approvedRupiah = amount
            loan.decidedOn = approval.approvedOn
            loan.enrolmentId = enrolment.id
            try loan.update(db)
            return try loanAccount(loan, asOf: approval.approvedOn, in: db)
        }
    }

    func rejectLoan(_ id: UUID, _ rejection: LoanRejection) async throws -> LoanAccount {
        try await database.write { db in
            var loan = try requireLoan(id, in: db)
            try loan.expect(.applied, to: Message("services.loan.action.reject"))
            guard !rejection.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ProblemDocument.invalidField("reason", Message("services.loan.rejectionReason"))
            }
            guard rejection.rejectedOn >= loan.appliedOn else {
                throw ProblemDocument.invalidField(
                    "rejectedOn", Message("services.loan.rejectedBeforeApplied", .day(rejection.rejectedOn), .day(loan.appliedOn)))
            }
            loan.status = .rejected
            loan.decidedOn = rejection.rejectedOn
            loan.rejectionReason = rejection.reason
            try loan.update(db)
            return try loanAccount(loan, asOf: rejection.rejectedOn, in: db)
        }
    }

    func disburseLoan(_ id: UUID, _ disbursement: LoanDisbursement) async throws -> LoanAccount {
        try await database.write { db in
            var loan = try requireLoan(id, in: db)
            try loan.expect(.approved, to: Message("services.loan.action.disburse"))
            guard let enrolmentId = loan.enrolmentId, let amount = loan.approvedRupiah, let approvedOn = loan.decidedOn else {
                throw ProblemDocument.conflict(Message("services.loan.approvalIncomplete"), code: "not-approved")
            }
            guard disbursement.disbursedOn >= approvedOn else {
                throw ProblemDocument.invalidField(
                    "disbursedOn", Message("services.loan.disbursedBeforeApproved", .day(disbursement.disbursedOn), .day(approvedOn)))
            }
            _ = try recordDelivery(
                enrolmentId,
                DeliveryRequest(
                    amountRupiah: amount, period: .containing(disbursement.disbursedOn, as: .month(disbursement.disbursedOn.month)),
                    deliveredOn: disbursement.disbursedOn), in: db)
            loan.status = .disbursed
            loan.disbursedOn = disbursement.disbursedOn
            try loan.update(db)
            return try loanAccount(loan, asOf: disbursement.disbursedOn, in: db)
        }
    }

    func repayLoan(_ id: UUID, _ repayment: RepaymentRequest) async throws -> LoanAccount {
        try await database.write { db in
            var loan = try requireLoan(id, in: db)
            try loan.expect(.disbursed, to: Message("services.loan.action.repay"))
            guard let disbursedOn = loan.disbursedOn, let enrolmentId = loan.enrolmentId else {
                throw ProblemDocument.conflict(Message("services.loan.notDisbursed"), code: "not-disbursed")
            }
            guard repayment.paidOn >= disbursedOn else {
                throw ProblemDocument.invalidField("paidOn", Message("services.loan.repaidBeforeDisbursed", .day(repayment.paidOn), .day(disbursedOn)))
            }
            let outstanding = try loanAccount(loan, asOf: repayment.paidOn, in: db).position?.outstandingRupiah ?? 0
            guard repayment.amountRupiah > 0, repayment.amountRupiah <= outstanding else {
                throw ProblemDocument.invalidField(
                    "amountRupiah", Message("services.loan.repaymentRange", .rupiah(1), .rupiah(outstanding), .rupiah(repayment.amountRupiah)))
            }
            try Repayment(loanId: id, paidOn: repayment.paidOn, amountRupiah: repayment.amountRupiah).insert(db)
            if repayment.amountRupiah == outstanding {
                loan.status = .repaid
                try loan.update(db)
                if try requireEnrolment(enrolmentId, in: db).isActive {
                    _ = try endEnrolment(enrolmentId, EndEnrolmentRequest(endedOn: repayment.paidOn, reason: "KUR loan repaid"), in: db)
                }
            }
            return try loanAccount(loan, asOf: repayment.paidOn, in: db)
        }
    }


    func requireLoan(_ id: UUID, in db: Database) throws -> Loan {
        guard let loan = try Loan.fetchOne(db, key: id.lowercaseText) else {
            throw ProblemDocument.notFound(Message("services.loan.notFound", .text(id.lowercaseText), .text(cluster.indonesianName)))
        }
        try requireInScope(loan.kkNumber, in: db)
        return loan
    }

    func loanAccount(_ loan: Loan, asOf: CalendarDate, in db: Database) throws -> LoanAccount {
        let repayments = try Repayment.filter(Column("loanId") == loan.id.lowercaseText).order(Column("paidOn")).fetchAll(db)
        let position = loan.disbursedOn.flatMap { disbursedOn in
            loan.approvedRupiah.map {
                LoanPosition(principal: $0, termMonths: loan.termMonths, disbursedOn: disbursedOn, repayments: repayments, asOf: max(asOf, disbursedOn))
            }
        }
        return LoanAccount(loan: loan, repayments: repayments, position: position)
    }

    /// Loans with their position on `asOf`, newest first, of one household or status when given;
    /// with `inArrears`, only disbursed loans behind on that day (worked out, not stored).
    func loans(of kk: KKNumber?, status: LoanStatus?, inArrears: Bool, asOf: CalendarDate, paging: Paging) async throws -> [LoanAccount] {
        try await database.read { db in
            var query = inScope(Loan.order(Loan.Columns.appliedOn.desc))
            if let kk { query = query.filter(Loan.Columns.kkNumber == kk) }
            if let status { query = query.filter(Loan.Columns.status == status) }
            guard inArrears else { return try query.limit(paging.limit, offset: paging.offset).fetchAll(db).map { try loanAccount($0, asOf: asOf, in: db) } }
            let behind = try query.filter(Loan.Columns.status == LoanStatus.disbursed).fetchAll(db)
                .map { try loanAccount($0, asOf: asOf, in: db) }.filter { ($0.position?.arrearsRupiah ?? 0) > 0 }
            return Array(behind.dropFirst(paging.offset).prefix(paging.limit))
        }
    }

    /// One loan with its repayments and its position on `asOf`.
    func loan(_ id: UUID, asOf: CalendarDate) async throws -> LoanAccount {
        try await database.read { db in try loanAccount(try requireLoan(id, in: db), asOf: asOf, in: db) }
    }
}
