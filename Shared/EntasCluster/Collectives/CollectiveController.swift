import EntasDomain
import EntasService
import Hummingbird

/// The routes of one kind of collective (see ``CollectiveDefinition``): create, list, read,
/// join, leave and close, and a household's memberships. Each decodes its request and makes
/// one call to ``CollectiveStore``.
public struct CollectiveController: ClusterController {
    public let kind: CollectiveDefinition

    public init(_ kind: CollectiveDefinition) { self.kind = kind }

    public func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>, store: ClusterStore) {
        /// The collectives as the request's operator sees them (its actor and region).
        @Sendable func collectives(_ context: AgencyRequestContext) -> CollectiveStore {
            CollectiveStore(store: store.serving(context), kind: kind)
        }
        let what = Message("cluster.id.collective", .message(kind.label))
        let routes = group.group(kind.route)
        routes.post(summary: "Create a \(kind.noun) (kind: \(kind.kinds.joined(separator: ", ")))") { request, context in
            let body = try await request.decodeJSON(as: CollectiveRequest.self, context: context)
            return EditedResponse(status: .created, response: try await collectives(context).create(body))
        }
        routes.get(summary: "List \(kind.noun)s, newest first (?region= desa/kecamatan/kabupaten code, ?limit=&offset=)") { request, context in
            let region = try context.scope.filter(try request.query("region") { try RegionCode($0) })
            return try await collectives(context).list(in: region, paging: try Paging(request))
        }
        routes.get("{id}", summary: "One \(kind.noun) with its members") { _, context in
            try await collectives(context).detail(try context.uuid(of: what))
        }
        routes.post("{id}/members", summary: "Add a household; enrols it in \(kind.programme) (eligibility checked); publishes enrolment.started") { request, context in
            let body = try await request.decodeJSON(as: JoinRequest.self, context: context)
            return EditedResponse(status: .created, response: try await collectives(context).join(try context.uuid(of: what), body))
        }
        routes.post("{id}/members/{kk}/leave", summary: "A household leaves; its \(kind.programme) enrolment ends with its last membership") { request, context in
            let body = try await request.decodeJSON(as: LeaveRequest.self, context: context)
            return try await collectives(context).leave(try context.uuid(of: what), try context.kkNumber(), body)
        }
        routes.post("{id}/close", summary: "Close the \(kind.noun): every member leaves") { request, context in
            let body = try await request.decodeJSON(as: LeaveRequest.self, context: context)
            return try await collectives(context).close(try context.uuid(of: what), body)
        }
        group.get("households/{kk}/\(kind.route)", summary: "The \(kind.noun)s a household belongs or belonged to") { _, context in
            MembershipList(memberships: try await collectives(context).memberships(of: try context.kkNumber()))
        }
    }
}
