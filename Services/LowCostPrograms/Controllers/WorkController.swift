import EntasCluster
import EntasDomain
import EntasService
import Hummingbird

/// `/v1/works` and `/v1/enrolments/{id}/stages`: low-cost works in stages: a house renovated (RTLH) from survey to completion, an
/// electricity or clean-water connection from survey to connected. Every work is an
/// enrolment; reaching the last stage records the delivery (one house, one connection,
/// and its cost when given) and ends the enrolment as completed.
struct WorkController: ClusterController {
    func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>, store: ClusterStore) {
        group.post("enrolments/{id}/stages", summary: "Record the next stage a work reached; the last stage records the delivery (benefit.delivered) and ends the enrolment (enrolment.ended)") { request, context in
            let body = try await request.decodeJSON(as: StageRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).advanceWork(try context.uuid(of: Message("cluster.id.enrolment")), body))
        }
        group.get("enrolments/{id}/stages", summary: "A work's stages and how far it has come") { _, context in
            try await store.serving(context).work(try context.uuid(of: Message("cluster.id.enrolment")))
        }
        group.get("works", summary: "Works by programme and current stage (?programme=rtlh, ?stage=construction, ?limit=&offset=)") { request, context in
            let programme = try request.query("programme") { code -> String in
                guard store.definition.programme(code) != nil else {
                    throw ProblemDocument.invalidField("programme", Message("services.work.unknownProgramme", .text(code), .text(store.cluster.indonesianName)))
                }
                return code
            }
            let stage = request.uri.queryParameters.get("stage").map { String($0) }
            return WorkList(works: try await store.serving(context).works(programme: programme, stage: stage, paging: try Paging(request)))
        }
    }
}
