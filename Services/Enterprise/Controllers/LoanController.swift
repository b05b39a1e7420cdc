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
    func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>, store: ClusterStore) {
        let loans = group.group("loans")
        loans.post(summary: "Apply for a KUR loan for an enterprise (amount, term in months)") { request, context in
            let body = try await request.decodeJSON(as: LoanApplication.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).applyForLoan(body))
        }
        loans.get(summary: "Loans with their position (?kk=, ?status=, ?inArrears=true, ?asOf=YYYY-MM-DD, ?limit=&offset=)") { request, context in
            let kk = try request.query("kk") { try KKNumber($0) }
            let status = try request.query("status") { text in
                guard let status = LoanStatus(rawValue: text) else {
                    throw ProblemDocument.invalidField(
                        "status", Message("services.loan.notStatus", .text(text), .text(LoanStatus.allCases.map(\.rawValue).joined(separator: ", "))))
                }
                return status
            }
            let inArrears = request.uri.queryParameters.get("inArrears") == "true"
            let asOf = try Self.asOf(request)
            return LoanList(loans: try await store.serving(context).loans(of: kk, status: status, inArrears: inArrears, asOf: asOf, paging: try Paging(request)))
        }
        loans.get("{id}", summary: "One loan with its repayments and its position (?asOf=YYYY-MM-DD, default today)") { request, context in
            try await store.serving(context).loan(try context.uuid(of: Message("services.id.loan")), asOf: try Self.asOf(request))
        }
        loans.post("{id}/approve", summary: "Approve an application; enrols the household in kur (eligibility checked); publishes enrolment.started") { request, context in
            let body = try await request.decodeJSON(as: LoanApproval.self, context: context)
            return try await store.serving(context).approveLoan(try context.uuid(of: Message("services.id.loan")), body)
        }
        loans.post("{id}/reject", summary: "Reject an application, with the reason") { request, context in
            let body = try await request.decodeJSON(as: LoanRejection.self, context: context)
            return try await store.serving(context).rejectLoan(try context.uuid(of: Message("services.id.loan")), body)
        }
        loans.post("{id}/disburse", summary: "Pay the approved amount out; publishes benefit.delivered") { request, context in
            let body = try await request.decodeJSON(as: LoanDisbursement.self, context: context)
            return try await store.serving(context).disburseLoan(try context.uuid(of: Message("services.id.loan")), body)
        }
        loans.post("{id}/repayments", summary: "Record a repayment; the last one ends the kur enrolment (enrolment.ended)") { request, context in
            let body = try await request.decodeJSON(as: RepaymentRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).repayLoan(try context.uuid(of: Message("services.id.loan")), body))
        }
    }

    static func asOf(_ request: Request) throws -> CalendarDate {
        try request.query("asOf") { try CalendarDate($0) } ?? .today()
    }
}
