import EntasDomain
import EntasCluster
import EntasService
import Foundation
import GRDB
import Hummingbird

/// KUR microcredit from application to the last repayment.
///
/// Approval enrols the household in `kur` (its eligibility rule checked), disbursement is
/// a delivery in rupiah under that enrolment, and the last repayment ends it: the others see
/// the loan as `enrolment.started`, `benefit.delivered` and `enrolment.ended`. Applications,
/// rejections and repayments stay in this service.
struct LoanRecords: ClusterRecords {
    /// KUR Kecil's ceiling (Rp 500 juta); KUR Mikro loans are far smaller.
    static let largestLoan: Int64 = 500_000_000
    static let longestTermMonths = 60
    let programme = EnterpriseProgrammes.kur.code

    let summaries: [String: String] = [
        "POST /v1/loans": "Apply for a KUR loan for an enterprise (amount, term in months)",
        "GET /v1/loans": "Loans with their position (?kk=, ?status=, ?inArrears=true, ?asOf=YYYY-MM-DD, ?limit=&offset=)",
        "GET /v1/loans/{id}": "One loan with its repayments and its position (?asOf=YYYY-MM-DD, default today)",
        "POST /v1/loans/{id}/approve": "Approve an application; enrols the household in kur (eligibility checked); publishes enrolment.started",
        "POST /v1/loans/{id}/reject": "Reject an application, with the reason",
        "POST /v1/loans/{id}/disburse": "Pay the approved amount out; publishes benefit.delivered",
        "POST /v1/loans/{id}/repayments": "Record a repayment; the last one ends the kur enrolment (enrolment.ended)",
    ]

    func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("umkm-v1-loan") { db in
            try db.execute(
                sql: """
                    CREATE TABLE loan (
                        id TEXT PRIMARY KEY NOT NULL,
                        enterpriseId TEXT NOT NULL REFERENCES enterprise(id),
                        kkNumber TEXT NOT NULL REFERENCES householdReplica(kkNumber),
                        requestedRupiah INTEGER NOT NULL CHECK (requestedRupiah > 0),
                        termMonths INTEGER NOT NULL CHECK (termMonths > 0),
                        appliedOn TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('applied', 'approved', 'rejected', 'disbursed', 'repaid')),
                        approvedRupiah INTEGER CHECK (approvedRupiah IS NULL OR approvedRupiah > 0),
                        decidedOn TEXT,
                        rejectionReason TEXT,
                        disbursedOn TEXT,
                        enrolmentId TEXT REFERENCES enrolment(id)
                    );
                    CREATE INDEX loan_household ON loan(kkNumber);
                    CREATE INDEX loan_status ON loan(status);
                    CREATE TABLE loanRepayment (
                        loanId TEXT NOT NULL REFERENCES loan(id),
                        paidOn TEXT NOT NULL,
                        amountRupiah INTEGER NOT NULL CHECK (amountRupiah > 0)
                    );
                    CREATE INDEX loanRepayment_loan ON loanRepayment(loanId);
                    """)
        }
    }

    func addRoutes(to group: RouterGroup<AgencyRequestContext>, store: ClusterStore) {
        let loans = group.group("loans")
        loans.post { request, context in
            let body = try await request.decodeJSON(as: LoanApplication.self, context: context)
            return EditedResponse(status: .created, response: try await apply(body, store: store))
        }
        loans.get { request, _ in
            let kk = try request.query("kk") { try KKNumber($0) }
            let status = try request.query("status") { text in
                guard let status = LoanStatus(rawValue: text) else {
                    throw ProblemDocument.invalidField("status", "'\(text)' is not a loan status; use one of \(LoanStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return status
            }
            let inArrears = request.uri.queryParameters.get("inArrears") == "true"
            let asOf = try Self.asOf(request)
            let page = try Paging(request)
            return LoanList(
                loans: try await store.database.read { db in
                    var query = Loan.order(Loan.Columns.appliedOn.desc)
                    if let kk { query = query.filter(Loan.Columns.kkNumber == kk) }
                    if let status { query = query.filter(Loan.Columns.status == status) }
                    guard inArrears else { return try query.limit(page.limit, offset: page.offset).fetchAll(db).map { try account($0, asOf: asOf, in: db) } }
                    // Arrears depend on the day asked about, so they are worked out, not stored.
                    let behind = try query.filter(Loan.Columns.status == LoanStatus.disbursed).fetchAll(db)
                        .map { try account($0, asOf: asOf, in: db) }.filter { ($0.position?.arrearsRupiah ?? 0) > 0 }
                    return Array(behind.dropFirst(page.offset).prefix(page.limit))
                })
        }
        loans.get("{id}") { request, context in
            let id = try context.uuid(of: "a loan")
            let asOf = try Self.asOf(request)
            return try await store.database.read { db in try account(try require(id, store: store, in: db), asOf: asOf, in: db) }
        }
        loans.post("{id}/approve") { request, context in
            let body = try await request.decodeJSON(as: LoanApproval.self, context: context)
            return try await approve(try context.uuid(of: "a loan"), body, store: store)
        }
        loans.post("{id}/reject") { request, context in
            let body = try await request.decodeJSON(as: LoanRejection.self, context: context)
            return try await reject(try context.uuid(of: "a loan"), body, store: store)
        }
        loans.post("{id}/disburse") { request, context in
            let body = try await request.decodeJSON(as: LoanDisbursement.self, context: context)
            return try await disburse(try context.uuid(of: "a loan"), body, store: store)
        }
        loans.post("{id}/repayments") { request, context in
            let body = try await request.decodeJSON(as: RepaymentRequest.self, context: context)
            return EditedResponse(status: .created, response: try await repay(try context.uuid(of: "a loan"), body, store: store))
        }
    }

    static func asOf(_ request: Request) throws -> CalendarDate {
        try request.query("asOf") { try CalendarDate($0) } ?? .today()
    }

    // MARK: Operations

    func apply(_ application: LoanApplication, store: ClusterStore) async throws -> LoanAccount {
        guard (1...Self.largestLoan).contains(application.amountRupiah) else {
            throw ProblemDocument.invalidField("amountRupiah", "a KUR loan is from Rp 1 to Rp \(Self.largestLoan), not \(application.amountRupiah)")
        }
        guard (1...Self.longestTermMonths).contains(application.termMonths) else {
            throw ProblemDocument.invalidField("termMonths", "a KUR term is 1 to \(Self.longestTermMonths) months, not \(application.termMonths)")
        }
        return try await store.database.write { db in
            let enterprise = try EnterpriseRecords.require(application.enterpriseId, store: store, in: db)
            let loan = Loan(
                id: UUID(), enterpriseId: enterprise.id, kkNumber: enterprise.kkNumber, requestedRupiah: application.amountRupiah,
                termMonths: application.termMonths, appliedOn: application.appliedOn, status: .applied)
            try loan.insert(db)
            return try account(loan, asOf: application.appliedOn, in: db)
        }
    }

    func approve(_ id: UUID, _ approval: LoanApproval, store: ClusterStore) async throws -> LoanAccount {
        try await store.database.write { db in
            var loan = try require(id, store: store, in: db)
            try Self.expect(loan, .applied, to: "approve")
            let amount = approval.amountRupiah ?? loan.requestedRupiah
            guard (1...loan.requestedRupiah).contains(amount) else {
                throw ProblemDocument.invalidField("amountRupiah", "the amount approved must be from Rp 1 to the Rp \(loan.requestedRupiah) requested, not \(amount)")
            }
            guard approval.approvedOn >= loan.appliedOn else {
                throw ProblemDocument.invalidField("approvedOn", "a loan cannot be approved (\(approval.approvedOn)) before it was applied for (\(loan.appliedOn))")
            }
            let enrolment = try store.enrol(EnrolmentRequest(kkNumber: loan.kkNumber, programme: programme, startedOn: approval.approvedOn), in: db)
            loan.status = .approved
            loan.approvedRupiah = amount
            loan.decidedOn = approval.approvedOn
            loan.enrolmentId = enrolment.id
            try loan.update(db)
            return try account(loan, asOf: approval.approvedOn, in: db)
        }
    }

    func reject(_ id: UUID, _ rejection: LoanRejection, store: ClusterStore) async throws -> LoanAccount {
        try await store.database.write { db in
            var loan = try require(id, store: store, in: db)
            try Self.expect(loan, .applied, to: "reject")
            guard !rejection.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ProblemDocument.invalidField("reason", "say why the loan is rejected")
            }
            guard rejection.rejectedOn >= loan.appliedOn else {
                throw ProblemDocument.invalidField("rejectedOn", "a loan cannot be rejected (\(rejection.rejectedOn)) before it was applied for (\(loan.appliedOn))")
            }
            loan.status = .rejected
            loan.decidedOn = rejection.rejectedOn
            loan.rejectionReason = rejection.reason
            try loan.update(db)
            return try account(loan, asOf: rejection.rejectedOn, in: db)
        }
    }

    func disburse(_ id: UUID, _ disbursement: LoanDisbursement, store: ClusterStore) async throws -> LoanAccount {
        try await store.database.write { db in
            var loan = try require(id, store: store, in: db)
            try Self.expect(loan, .approved, to: "disburse")
            guard let enrolmentId = loan.enrolmentId, let amount = loan.approvedRupiah, let approvedOn = loan.decidedOn else {
                throw ProblemDocument.conflict("the loan's approval is incomplete; approve it again", code: "not-approved")
            }
            guard disbursement.disbursedOn >= approvedOn else {
                throw ProblemDocument.invalidField("disbursedOn", "a loan cannot be paid out (\(disbursement.disbursedOn)) before it was approved (\(approvedOn))")
            }
            _ = try store.recordDelivery(
                enrolmentId,
                DeliveryRequest(
                    amountRupiah: amount, period: .containing(disbursement.disbursedOn, as: .month(disbursement.disbursedOn.month)),
                    deliveredOn: disbursement.disbursedOn), in: db)
            loan.status = .disbursed
            loan.disbursedOn = disbursement.disbursedOn
            try loan.update(db)
            return try account(loan, asOf: disbursement.disbursedOn, in: db)
        }
    }

    func repay(_ id: UUID, _ repayment: RepaymentRequest, store: ClusterStore) async throws -> LoanAccount {
        try await store.database.write { db in
            var loan = try require(id, store: store, in: db)
            try Self.expect(loan, .disbursed, to: "record a repayment of")
            guard let disbursedOn = loan.disbursedOn, let enrolmentId = loan.enrolmentId else {
                throw ProblemDocument.conflict("the loan has no disbursement recorded", code: "not-disbursed")
            }
            guard repayment.paidOn >= disbursedOn else {
                throw ProblemDocument.invalidField("paidOn", "a repayment (\(repayment.paidOn)) cannot come before the loan was paid out (\(disbursedOn))")
            }
            let outstanding = try account(loan, asOf: repayment.paidOn, in: db).position?.outstandingRupiah ?? 0
            guard repayment.amountRupiah > 0, repayment.amountRupiah <= outstanding else {
                throw ProblemDocument.invalidField("amountRupiah", "a repayment is from Rp 1 to the Rp \(outstanding) outstanding, not \(repayment.amountRupiah)")
            }
            try Repayment(loanId: id, paidOn: repayment.paidOn, amountRupiah: repayment.amountRupiah).insert(db)
            if repayment.amountRupiah == outstanding {
                loan.status = .repaid
                try loan.update(db)
                if try store.requireEnrolment(enrolmentId, in: db).isActive {
                    _ = try store.endEnrolment(enrolmentId, EndEnrolmentRequest(endedOn: repayment.paidOn, reason: "KUR loan repaid"), in: db)
                }
            }
            return try account(loan, asOf: repayment.paidOn, in: db)
        }
    }

    // MARK: Reading

    func require(_ id: UUID, store: ClusterStore, in db: Database) throws -> Loan {
        guard let loan = try Loan.fetchOne(db, key: id.uuidString.lowercased()) else {
            throw ProblemDocument.notFound("No loan \(id.uuidString.lowercased()) in \(store.cluster.indonesianName).")
        }
        return loan
    }

    func account(_ loan: Loan, asOf: CalendarDate, in db: Database) throws -> LoanAccount {
        let repayments = try Repayment.filter(Column("loanId") == loan.id.uuidString.lowercased()).order(Column("paidOn")).fetchAll(db)
        let position = loan.disbursedOn.flatMap { disbursedOn in
            loan.approvedRupiah.map {
                LoanPosition(principal: $0, termMonths: loan.termMonths, disbursedOn: disbursedOn, repayments: repayments, asOf: max(asOf, disbursedOn))
            }
        }
        return LoanAccount(loan: loan, repayments: repayments, position: position)
    }

    static func expect(_ loan: Loan, _ status: LoanStatus, to action: String) throws {
        guard loan.status == status else {
            throw ProblemDocument.conflict("cannot \(action) a loan that is \(loan.status.rawValue); it must be \(status.rawValue)", code: "loan-\(loan.status.rawValue)")
        }
    }
}
