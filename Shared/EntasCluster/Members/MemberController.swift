import EntasService
import EntasDomain
import Hummingbird

/// `/v1/households/{kk}/members`: add, change and take off a household's members; each publishes
/// `household.updated` with the whole new list.
public struct MemberController: Sendable {
    let store: ClusterStore

    public func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        let members = group.group("households/{kk}/members")
        members.post(summary: "Add a member to the household (a birth, a marriage, a move in; the head first); publishes household.updated", body: RequestSchemas.member) { request, context in
            let member = try await request.decodeJSON(as: HouseholdMember.self, context: context)
            let view = try await store.serving(context).addMember(member, to: try context.kkNumber())
            context.audit.wrote(households: 1, region: view.desaCode)
            return EditedResponse(status: .created, response: view)
        }
        members.patch("{nik}", summary: "Change a member's fields (school, pregnancy, disability, a corrected name); publishes household.updated", body: RequestSchemas.memberChanges) { request, context in
            let changes = try await request.decodeJSON(as: MemberChanges.self, context: context)
            let view = try await store.serving(context).changeMember(try context.nik(), of: try context.kkNumber(), changes)
            context.audit.wrote(households: 1, region: view.desaCode)
            return view
        }
        members.post("{nik}/departure", summary: "Take a member off the household (died, movedOut: pecah KK, married, other); publishes household.updated", body: RequestSchemas.departure) { request, context in
            let departure = try await request.decodeJSON(as: DepartureRequest.self, context: context)
            let view = try await store.serving(context).removeMember(try context.nik(), of: try context.kkNumber(), reason: departure.reason)
            context.audit.wrote(households: 1, region: view.desaCode)
            return view
        }
    }
}
