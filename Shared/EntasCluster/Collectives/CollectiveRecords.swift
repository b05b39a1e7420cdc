import EntasService
import EntasDomain
import GRDB
import Hummingbird

/// The tables and routes of one kind of collective (see ``CollectiveDefinition``).
public struct CollectiveRecords: ClusterRecords {
    public let kind: CollectiveDefinition

    public init(_ kind: CollectiveDefinition) { self.kind = kind }

    public var summaries: [String: String] {
        let path = "/v1/\(kind.route)"
        return [
            "POST \(path)": "Create a \(kind.noun) (kind: \(kind.kinds.joined(separator: ", ")))",
            "GET \(path)": "List \(kind.noun)s, newest first (?region= desa/kecamatan/kabupaten code, ?limit=&offset=)",
            "GET \(path)/{id}": "One \(kind.noun) with its members",
            "POST \(path)/{id}/members": "Add a household; enrols it in \(kind.programme) (eligibility checked); publishes enrolment.started",
            "POST \(path)/{id}/members/{kk}/leave": "A household leaves; its \(kind.programme) enrolment ends with its last membership",
            "POST \(path)/{id}/close": "Close the \(kind.noun): every member leaves",
            "GET /v1/households/{kk}/\(kind.route)": "The \(kind.noun)s a household belongs or belonged to",
        ]
    }

    /// The first migration of a collective's tables, then the service's own later ones.
    ///
    /// The `<table>-v1` text is generated from this template for the three tables it shipped
    /// with (`communityGroup`, `villageProject`, `cooperative`): it is frozen as it is. Change
    /// nothing in it; a change to these tables is a new migration in the service's folder
    /// (``CollectiveDefinition/laterMigrations``).
    public func registerMigrations(_ migrator: inout DatabaseMigrator) {
        registerFirstMigration(&migrator)
        kind.laterMigrations(&migrator)
    }

    private func registerFirstMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("\(kind.table)-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE \(kind.table) (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL,
                        name TEXT NOT NULL,
                        desaCode TEXT NOT NULL,
                        startedOn TEXT NOT NULL,
                        endsOn TEXT,
                        budgetRupiah INTEGER CHECK (budgetRupiah IS NULL OR budgetRupiah >= 0),
                        closedOn TEXT,
                        CHECK (endsOn IS NULL OR endsOn >= startedOn)
                    );
                    CREATE INDEX \(kind.table)_desa ON \(kind.table)(desaCode);
                    CREATE TABLE \(kind.memberTable) (
                        collectiveId TEXT NOT NULL REFERENCES \(kind.table)(id),
                        kkNumber TEXT NOT NULL REFERENCES householdReplica(kkNumber),
                        joinedOn TEXT NOT NULL,
                        leftOn TEXT,
                        leftReason TEXT,
                        enrolmentId TEXT NOT NULL REFERENCES enrolment(id),
                        CHECK (leftOn IS NULL OR leftOn >= joinedOn)
                    );
                    CREATE UNIQUE INDEX \(kind.memberTable)_current ON \(kind.memberTable)(collectiveId, kkNumber) WHERE leftOn IS NULL;
                    CREATE INDEX \(kind.memberTable)_household ON \(kind.memberTable)(kkNumber);
                    CREATE INDEX \(kind.memberTable)_enrolment ON \(kind.memberTable)(enrolmentId);
                    """)
        }
    }

    public func addRoutes(to group: RouterGroup<AgencyRequestContext>, store: ClusterStore) {
        let collectives = CollectiveStore(store: store, kind: kind)
        let what = "a \(kind.noun)"
        let routes = group.group(RouterPath(kind.route))
        routes.post { request, context in
            let body = try await request.decodeJSON(as: CollectiveRequest.self, context: context)
            return EditedResponse(status: .created, response: try await collectives.create(body))
        }
        routes.get { request, _ in
            let region = try request.query("region") { try RegionCode($0) }
            return try await collectives.list(in: region, paging: try Paging(request))
        }
        routes.get("{id}") { _, context in
            try await collectives.detail(try context.uuid(of: what))
        }
        routes.post("{id}/members") { request, context in
            let body = try await request.decodeJSON(as: JoinRequest.self, context: context)
            return EditedResponse(status: .created, response: try await collectives.join(try context.uuid(of: what), body))
        }
        routes.post("{id}/members/{kk}/leave") { request, context in
            let body = try await request.decodeJSON(as: LeaveRequest.self, context: context)
            return try await collectives.leave(try context.uuid(of: what), try context.kkNumber(), body)
        }
        routes.post("{id}/close") { request, context in
            let body = try await request.decodeJSON(as: LeaveRequest.self, context: context)
            return try await collectives.close(try context.uuid(of: what), body)
        }
        group.get("households/{kk}/\(kind.route)") { _, context in
            MembershipList(memberships: try await collectives.memberships(of: try context.kkNumber()))
        }
    }
}

public struct MembershipList: ResponseCodable, Sendable {
    public var memberships: [CollectiveMember]
}
