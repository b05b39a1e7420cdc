import EntasCluster
import EntasDomain
import EntasService
import Hummingbird

/// `/v1/trainings`: trainings and who attended. Each attendance is a one-off `training` delivery (one
/// session; `ClusterStore.deliverOnce`), published as the shared events.
struct TrainingController: ClusterController {
    func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>, store: ClusterStore) {
        let trainings = group.group("trainings")
        trainings.post(summary: "Record a training held in a desa (title, sector, date)") { request, context in
            let body = try await request.decodeJSON(as: TrainingRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).recordTraining(body))
        }
        trainings.get(summary: "Trainings, newest first (?region=, ?limit=&offset=)") { request, context in
            let region = try context.scope.filter(try request.query("region") { try RegionCode($0) })
            return TrainingList(trainings: try await store.serving(context).trainings(in: region, paging: try Paging(request)))
        }
        trainings.get("{id}", summary: "One training with its attendance") { _, context in
            try await store.serving(context).training(try context.uuid(of: Message("services.id.training")))
        }
        trainings.post("{id}/attendance", summary: "A household attended; recorded as one training session delivered (benefit.delivered)") { request, context in
            let body = try await request.decodeJSON(as: AttendanceRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).recordAttendance(at: try context.uuid(of: Message("services.id.training")), body))
        }
    }
}
