import EntasCluster
import EntasDomain
import EntasService
import Hummingbird

/// `/v1/shocks`: social aid's record of shocks (illness, the breadwinner's death, job loss,
/// disaster) and the one-off relief given for them, published as a `shock-relief` enrolment,
/// delivery and end so the others see it.
struct ShockController: ClusterController {
    func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>, store: ClusterStore) {
        let shocks = group.group("shocks")
        shocks.post(summary: "Record a shock (illness, breadwinner's death, job loss, disaster) and the relief given; the relief is published as a shock-relief enrolment, delivery and end") { request, context in
            let shock = try await request.decodeJSON(as: ShockRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).recordShock(shock))
        }
        shocks.get(summary: "Shocks recorded, newest first (?kk=, ?kind=, ?limit=&offset=)") { request, context in
            let kk = try request.query("kk") { try KKNumber($0) }
            let kind = try request.query("kind") { text in
                guard let kind = ShockKind(rawValue: text) else {
                    throw ProblemDocument.invalidField(
                        "kind", Message("services.shock.notKind", .text(text), .text(ShockKind.allCases.map(\.rawValue).joined(separator: ", "))))
                }
                return kind
            }
            return ShockList(shocks: try await store.serving(context).shocks(of: kk, kind: kind, paging: try Paging(request)))
        }
        shocks.get("{id}", summary: "One shock") { _, context in
            try await store.serving(context).shock(try context.uuid(of: Message("services.id.shock")))
        }
    }
}
