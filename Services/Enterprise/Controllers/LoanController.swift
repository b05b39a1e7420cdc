import EntasCluster
import EntasDomain
import EntasService
import Hummingbird

/// `/v1/loans`: KUR microcredit from application to the last repayment.
///
/// Approval enrols the household in `kur` (its eligibility rule checked), disbursement is
/// a delivery in rupiah under that enrolment, and the last repayment ends it: the others see
/// the loan as `enrolment.started`, `benefit.delivered` and `enrolment.ended`. Applications,
/// rejections and repayments stay in this service.
struct LoanController: ClusterController {
    let summaries: [String: String] = [
        "POST /v1/loans": "Apply for a KUR loan for an enterprise (amount, term in months)",
        "GET /v1/loans": "Loans with their position (?kk=, ?status=, ?inArrears=true, ?asOf=YYYY-MM-DD, ?limit=&offset=)",
        "GET /v1/loans/{id}": "One loan with its repayments and its position (?asOf=YYYY-MM-DD, default today)",
        "POST /v1/loans/{id}/approve": "Approve an application; enrols the household in kur (eligibility checked); publishes enrolment.started",
        "POST /v1/loans/{id}/reject": "Reject an application, with the reason",
        "POST /v1/loans/{id}/disburse": "Pay the approved amount out; publishes benefit.delivered",
        "POST /v1/loans/{id}/repayments": "Record a repayment; the last one ends the kur enrolment (enrolment.ended)",
    ]

    func addRoutes(to group: RouterGroup<AgencyRequestContext>, store: ClusterStore) {
        let loans = group.group("loans")
        loans.post { request, context in
            let body = try await request.decodeJSON(as: LoanApplication.self, context: context)
            return EditedResponse(status: .created, response: try await store.applyForLoan(body))
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
            return LoanList(loans: try await store.loans(of: kk, status: status, inArrears: inArrears, asOf: asOf, paging: try Paging(request)))
        }
        loans.get("{id}") { request, context in
            try await store.loan(try context.uuid(of: "a loan"), asOf: try Self.asOf(request))
        }
        loans.post("{id}/approve") { request, context in
            let body = try await request.decodeJSON(as: LoanApproval.self, context: context)
            return try await store.approveLoan(try context.uuid(of: "a loan"), body)
        }
        loans.post("{id}/reject") { request, context in
            let body = try await request.decodeJSON(as: LoanRejection.self, context: context)
            return try await store.rejectLoan(try context.uuid(of: "a loan"), body)
        }
        loans.post("{id}/disburse") { request, context in
            let body = try await request.decodeJSON(as: LoanDisbursement.self, context: context)
            return try await store.disburseLoan(try context.uuid(of: "a loan"), body)
        }
        loans.post("{id}/repayments") { request, context in
            let body = try await request.decodeJSON(as: RepaymentRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.repayLoan(try context.uuid(of: "a loan"), body))
        }
    }

    static func asOf(_ request: Request) throws -> CalendarDate {
        try request.query("asOf") { try CalendarDate($0) } ?? .today()
    }
}
