import EntasService
import EntasDomain
import GRDB

extension ClusterStore {
    /// Applies a batch of bulk lines in one transaction, each in a savepoint of its own: a line
    /// that fails is rolled back alone and answered with `problem(error)`; a failure of the store
    /// itself (busy, full, I/O) fails the whole batch. The outcomes come back in order.
    package func apply(
        _ operations: [BulkOperation], by holder: String, problem: @escaping @Sendable (any Error) -> ProblemDocument
    ) async throws -> [ProblemDocument?] {
        try await database.write { db in
            try operations.map { operation -> ProblemDocument? in
                do {
                    try db.inSavepoint {
                        try apply(operation, by: holder, in: db)
                        return .commit
                    }
                    return nil
                } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR {
                    throw error  // the store, not the line, is at fault: fail the request
                } catch {
                    return problem(error)
                }
            }
        }
    }

    /// Applies one bulk line within the caller's transaction, as its single request would; `holder` is the
    /// token's holder, recorded with a commitment.
    package func apply(_ operation: BulkOperation, by holder: String, in db: Database) throws {
        // A household outside the token's region is refused before anything is looked up about it (whether it
        // has an enrolment or an open referral here).
        if let kk = operation.kkNumber { try requireInScope(kk, in: db) }
        switch operation {
        case .assessment(let kk, let request):
            try assess(kk, request, in: db)
        case .enrolment(let request):
            _ = try enrol(request, in: db)
        case .delivery(let kk, let programme, let request):
            _ = try recordDelivery(try requireActiveEnrolment(kk, programme, member: request.memberNIK, in: db).id, request, in: db)
        case .enrolmentEnd(let kk, let programme, let member, let request):
            _ = try endEnrolment(try requireActiveEnrolment(kk, programme, member: member, in: db).id, request, in: db)
        case .member(let kk, let member):
            if try HouseholdMember.members(of: kk, in: db).contains(where: { $0.nik == member.nik }) {
                try update(kk, in: db) { merged, recorded in
                    merged.members = recorded.map { $0.nik == member.nik ? member : $0 }
                    return []
                }
            } else {
                try addMember(member, to: kk, in: db)
            }
        case .memberDeparture(let kk, let nik, let request):
            try removeMember(nik, of: kk, reason: request.reason, in: db)
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

    private func requireActiveEnrolment(_ kk: KKNumber, _ programme: String, member: NIK? = nil, in db: Database) throws -> Enrolment {
        let enrolment = try member.flatMap { try activeEnrolment(kk, programme, member: $0, in: db) } ?? activeEnrolment(kk, programme, in: db)
        guard let enrolment else {
            throw ProblemDocument.notFound(
                Message("cluster.bulk.noActiveEnrolment", .text(kk.masked), .text(programme), .text(cluster.indonesianName)))
        }
        return enrolment
    }
}
