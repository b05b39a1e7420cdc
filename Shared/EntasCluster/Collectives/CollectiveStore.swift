import EntasService
import EntasDomain
import EntasStore
import Foundation
import GRDB

/// The operations on one kind of collective, in the cluster's store. Table names come from
/// the definition (constants of the program, never from a request).
struct CollectiveStore: Sendable {
    let store: ClusterStore
    let kind: CollectiveDefinition

    private var selectCollective: String {
        """
        SELECT c.*, (SELECT COUNT(*) FROM \(kind.memberTable) m WHERE m.collectiveId = c.id AND m.leftOn IS NULL) AS activeMembers
        FROM \(kind.table) c
        """
    }

    func create(_ request: CollectiveRequest) async throws -> Collective {
        guard kind.kinds.contains(request.kind) else {
            throw ProblemDocument.invalidField(
                "kind", Message("cluster.collective.notKind", .text(request.kind), .message(kind.label), .text(kind.kinds.joined(separator: ", "))))
        }
        guard !request.name.trimmingCharacters(in: .whitespaces).isEmpty, request.name.count <= 200 else {
            throw ProblemDocument.invalidField("name", Message("cluster.collective.nameLength", .message(kind.label)))
        }
        _ = try RegionReference.eastJava.require(request.desaCode, level: .desa)
        try store.scope.require(request.desaCode)
        if kind.budgeted {
            guard let budget = request.budgetRupiah, budget > 0 else {
                throw ProblemDocument.invalidField("budgetRupiah", Message("cluster.collective.budgetRequired", .message(kind.label)))
            }
            guard request.endsOn != nil else { throw ProblemDocument.invalidField("endsOn", Message("cluster.collective.endRequired", .message(kind.label))) }
        } else if let budget = request.budgetRupiah, budget < 0 {
            throw ProblemDocument.invalidField("budgetRupiah", Message("cluster.collective.negativeBudget"))
        }
        if let endsOn = request.endsOn, endsOn < request.startedOn {
            throw ProblemDocument.invalidField(
                "endsOn", Message("cluster.collective.endsBeforeStart", .message(kind.label), .day(endsOn), .day(request.startedOn)))
        }
        let id = UUID.timeOrdered()
        return try await store.database.write { db in
            try db.execute(
                sql: "INSERT INTO \(kind.table) (id, kind, name, desaCode, startedOn, endsOn, budgetRupiah) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [id.lowercaseText, request.kind, request.name, request.desaCode, request.startedOn, request.endsOn, request.budgetRupiah])
            return try require(id, in: db)
        }
    }

    func require(_ id: UUID, in db: Database) throws -> Collective {
        guard let collective = try Collective.fetchOne(db, sql: selectCollective + " WHERE c.id = ?", arguments: [id.lowercaseText]) else {
            throw ProblemDocument.notFound(
                Message("cluster.collective.notFound", .message(kind.label), .text(id.lowercaseText), .text(store.cluster.indonesianName)))
        }
        try store.scope.require(record: collective.desaCode)
        return collective
    }

    func detail(_ id: UUID) async throws -> CollectiveDetail {
        try await store.database.read { db in
            CollectiveDetail(collective: try require(id, in: db), members: try members(of: id, in: db))
        }
    }

    private func members(of id: UUID, in db: Database) throws -> [CollectiveMember] {
        try CollectiveMember.fetchAll(
            db, sql: "SELECT * FROM \(kind.memberTable) WHERE collectiveId = ? ORDER BY joinedOn, kkNumber", arguments: [id.lowercaseText])
    }

    /// Collectives in a region (any level), newest first.
    func list(in region: RegionCode?, paging: Paging) async throws -> CollectiveList {
        try await store.database.read { db in
            var filter = ""
            var arguments: StatementArguments = []
            if let region, region.level != .province {
                filter = region.level == .desa ? " WHERE c.desaCode = ?" : " WHERE c.desaCode LIKE ?"
                _ = arguments.append(contentsOf: [region.level == .desa ? region.dotted : region.dotted + ".%"])
            }
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(kind.table) c" + filter, arguments: arguments) ?? 0
            _ = arguments.append(contentsOf: [paging.limit, paging.offset])
            let items = try Collective.fetchAll(db, sql: selectCollective + filter + " ORDER BY c.startedOn DESC, c.id LIMIT ? OFFSET ?", arguments: arguments)
            return CollectiveList(total: total, items: items)
        }
    }

    /// Adds a household; enrols it in the programme unless another membership already did.
    func join(_ id: UUID, _ request: JoinRequest) async throws -> CollectiveDetail {
        try await store.database.write { db in
            let collective = try require(id, in: db)
            if let closedOn = collective.closedOn {
                throw ProblemDocument.conflict(Message("cluster.collective.closedOn", .message(kind.label), .day(closedOn)), code: "closed")
            }
            guard request.joinedOn >= collective.startedOn else {
                throw ProblemDocument.invalidField(
                    "joinedOn", Message("cluster.collective.joinsBeforeStart", .day(request.joinedOn), .message(kind.label), .day(collective.startedOn)))
            }
            let household = try store.requireHousehold(request.kkNumber, in: db)
            let area = kind.memberArea == .desa ? collective.desaCode : (collective.desaCode.parent ?? collective.desaCode)
            guard household.desaCode.isWithin(area) else {
                let detail =
                    kind.memberArea == .desa
                    ? Message("cluster.collective.outsideArea.desa", .text(household.desaCode.dotted), .message(kind.label), .text(area.dotted))
                    : Message("cluster.collective.outsideArea.kecamatan", .text(household.desaCode.dotted), .message(kind.label), .text(area.dotted))
                throw ProblemDocument(
                    status: .unprocessableContent, code: "outside-area", title: Message("cluster.collective.outsideArea.title", .message(kind.label)),
                    detail: detail, field: "kkNumber")
            }
            let already = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM \(kind.memberTable) WHERE collectiveId = ? AND kkNumber = ? AND leftOn IS NULL",
                arguments: [id.lowercaseText, request.kkNumber]) ?? 0
            guard already == 0 else {
                throw ProblemDocument.conflict(Message("cluster.collective.alreadyMember", .message(kind.label)), code: "already-member")
            }
            let enrolment = try store.activeEnrolment(request.kkNumber, kind.programme, in: db)
                ?? store.enrol(EnrolmentRequest(kkNumber: request.kkNumber, programme: kind.programme, startedOn: request.joinedOn), in: db)
            try db.execute(
                sql: "INSERT INTO \(kind.memberTable) (collectiveId, kkNumber, joinedOn, enrolmentId) VALUES (?, ?, ?, ?)",
                arguments: [id.lowercaseText, request.kkNumber, request.joinedOn, enrolment.id.lowercaseText])
            return CollectiveDetail(collective: try require(id, in: db), members: try members(of: id, in: db))
        }
    }

    /// A member leaves; its enrolment ends when it was the household's last membership.
    func leave(_ id: UUID, _ kk: KKNumber, _ request: LeaveRequest) async throws -> CollectiveDetail {
        try await store.database.write { db in
            _ = try require(id, in: db)
            guard let member = try CollectiveMember.fetchOne(
                db, sql: "SELECT * FROM \(kind.memberTable) WHERE collectiveId = ? AND kkNumber = ? AND leftOn IS NULL",
                arguments: [id.lowercaseText, kk])
            else {
                throw ProblemDocument.notFound(Message("cluster.collective.notMember", .text(kk.masked), .message(kind.label)))
            }
            try end(member, request, in: db)
            return CollectiveDetail(collective: try require(id, in: db), members: try members(of: id, in: db))
        }
    }

    /// Closes the collective (a project's end, a group dissolved): every member leaves.
    func close(_ id: UUID, _ request: LeaveRequest) async throws -> CollectiveDetail {
        try await store.database.write { db in
            let collective = try require(id, in: db)
            guard collective.closedOn == nil else {
                throw ProblemDocument.conflict(Message("cluster.collective.alreadyClosed", .message(kind.label)), code: "closed")
            }
            guard request.on >= collective.startedOn else {
                throw ProblemDocument.invalidField(
                    "on", Message("cluster.collective.closesBeforeStart", .message(kind.label), .day(request.on), .day(collective.startedOn)))
            }
            let current = try CollectiveMember.fetchAll(
                db, sql: "SELECT * FROM \(kind.memberTable) WHERE collectiveId = ? AND leftOn IS NULL", arguments: [id.lowercaseText])
            for member in current { try end(member, request, in: db) }
            try db.execute(sql: "UPDATE \(kind.table) SET closedOn = ? WHERE id = ?", arguments: [request.on, id.lowercaseText])
            return CollectiveDetail(collective: try require(id, in: db), members: try members(of: id, in: db))
        }
    }

    private func end(_ member: CollectiveMember, _ request: LeaveRequest, in db: Database) throws {
        guard request.on >= member.joinedOn else {
            throw ProblemDocument.invalidField("on", Message("cluster.collective.leavesBeforeJoining", .day(request.on), .day(member.joinedOn)))
        }
        try db.execute(
            sql: "UPDATE \(kind.memberTable) SET leftOn = ?, leftReason = ? WHERE collectiveId = ? AND kkNumber = ? AND leftOn IS NULL",
            arguments: [request.on, request.reason, member.collectiveId.lowercaseText, member.kkNumber])
        let stillIn = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM \(kind.memberTable) WHERE enrolmentId = ? AND leftOn IS NULL", arguments: [member.enrolmentId.lowercaseText]) ?? 0
        let enrolment = try store.requireEnrolment(member.enrolmentId, in: db)
        if stillIn == 0, enrolment.isActive {
            let endedOn = max(request.on, enrolment.startedOn)
            _ = try store.endEnrolment(member.enrolmentId, EndEnrolmentRequest(endedOn: endedOn, reason: "left the \(kind.noun): \(request.reason)"), in: db)
        }
    }

    /// The collectives of this kind a household belongs or belonged to.
    func memberships(of kk: KKNumber) async throws -> [CollectiveMember] {
        try await store.database.read { db in
            _ = try store.requireHousehold(kk, in: db)
            return try CollectiveMember.fetchAll(db, sql: "SELECT * FROM \(kind.memberTable) WHERE kkNumber = ? ORDER BY joinedOn", arguments: [kk])
        }
    }
}
