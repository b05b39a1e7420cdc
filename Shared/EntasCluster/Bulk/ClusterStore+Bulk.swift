import EntasService
import EntasDomain
import GRDB

extension ClusterStore {
    /// Applies one bulk line within the caller's transaction, as its single request would; `holder` is the
    /// token's holder, recorded with a commitment.
    package func apply(_ operation: BulkOperation, by holder: String, in db: Database) throws {
        switch operation {
        case .assessment(let kk, let request):
            try assess(kk, request, in: db)
        case .enrolment(let request):
            _ = try enrol(request, in: db)
        case .delivery(let kk, let programme, let request):
            _ = try recordDelivery(try requireActiveEnrolment(kk, programme, in: db).id, request, in: db)
        case .enrolmentEnd(let kk, let programme, let request):
            _ = try endEnrolment(try requireActiveEnrolment(kk, programme, in: db).id, request, in: db)
        case .referral(let request):
            _ = try refer(request, on: .today(), in: db)
        case .referralAnswer(let kk, let from, let outcome, let request):
            _ = try answer(try openReferral(kk, from: from, in: db), outcome, request, in: db)
        case .graduation(let kk, let request):
            try graduate(kk, request, in: db)
        case .commitment(let request):
            try commit(request, by: holder, in: db)
        }
    }

    private func requireActiveEnrolment(_ kk: KKNumber, _ programme: String, in db: Database) throws -> Enrolment {
        guard let enrolment = try activeEnrolment(kk, programme, in: db) else {
            throw ProblemDocument.notFound("Household \(kk.masked) has no active enrolment in '\(programme)' at \(cluster.indonesianName); enrol it first.")
        }
        return enrolment
    }
}
