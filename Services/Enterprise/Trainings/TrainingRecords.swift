import EntasDomain
import EntasCluster
import EntasService
import Foundation
import GRDB
import Hummingbird

/// Trainings and who attended. Each attendance is a one-off `training` delivery (one
/// session; `ClusterStore.deliverOnce`), published as the shared events.
struct TrainingRecords: ClusterRecords {
    let programme = EnterpriseProgrammes.training.code

    let summaries: [String: String] = [
        "POST /v1/trainings": "Record a training held in a desa (title, sector, date)",
        "GET /v1/trainings": "Trainings, newest first (?region=, ?limit=&offset=)",
        "GET /v1/trainings/{id}": "One training with its attendance",
        "POST /v1/trainings/{id}/attendance": "A household attended; recorded as one training session delivered (benefit.delivered)",
    ]

    func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("umkm-v1-training") { db in
            try db.execute(
                sql: """
                    CREATE TABLE training (
                        id TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        sector TEXT,
                        desaCode TEXT NOT NULL,
                        heldOn TEXT NOT NULL
                    );
                    CREATE INDEX training_desa ON training(desaCode);
                    CREATE TABLE trainingAttendance (
                        trainingId TEXT NOT NULL REFERENCES training(id),
                        kkNumber TEXT NOT NULL REFERENCES householdReplica(kkNumber),
                        deliveryId TEXT NOT NULL REFERENCES delivery(id),
                        PRIMARY KEY (trainingId, kkNumber)
                    );
                    """)
        }
    }

    func addRoutes(to group: RouterGroup<AgencyRequestContext>, store: ClusterStore) {
        let trainings = group.group("trainings")
        trainings.post { request, context in
            let body = try await request.decodeJSON(as: TrainingRequest.self, context: context)
            return EditedResponse(status: .created, response: try await record(body, store: store))
        }
        trainings.get { request, _ in
            let region = try request.query("region") { try RegionCode($0) }
            let page = try Paging(request)
            return TrainingList(
                trainings: try await store.database.read { db in
                    var query = Training.order(Column("heldOn").desc)
                    if let region, region.level != .province {
                        query = region.level == .desa
                            ? query.filter(Column("desaCode") == region) : query.filter(Column("desaCode").like(region.dotted + ".%"))
                    }
                    return try query.limit(page.limit, offset: page.offset).fetchAll(db)
                })
        }
        trainings.get("{id}") { _, context in
            let id = try context.uuid(of: "a training")
            return try await store.database.read { db in try detail(id, store: store, in: db) }
        }
        trainings.post("{id}/attendance") { request, context in
            let body = try await request.decodeJSON(as: AttendanceRequest.self, context: context)
            return EditedResponse(status: .created, response: try await attend(try context.uuid(of: "a training"), body, store: store))
        }
    }

    func record(_ request: TrainingRequest, store: ClusterStore) async throws -> TrainingDetail {
        let title = request.title.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty, title.count <= 200 else { throw ProblemDocument.invalidField("title", "a training needs a title of 1 to 200 characters") }
        _ = try RegionReference.eastJava.require(request.desaCode, level: .desa)
        let training = Training(id: UUID(), title: title, sector: request.sector, desaCode: request.desaCode, heldOn: request.heldOn)
        return try await store.database.write { db in
            try training.insert(db)
            return TrainingDetail(training: training, attendance: [])
        }
    }

    func attend(_ id: UUID, _ request: AttendanceRequest, store: ClusterStore) async throws -> TrainingDetail {
        try await store.database.write { db in
            let training = try detail(id, store: store, in: db).training
            _ = try store.requireHousehold(request.kkNumber, in: db)
            guard try Attendance.fetchOne(db, key: ["trainingId": id.uuidString.lowercased(), "kkNumber": request.kkNumber.rawValue]) == nil else {
                throw ProblemDocument.conflict("the household's attendance at this training is already recorded", code: "already-attended")
            }
            let (_, delivery) = try store.deliverOnce(
                request.kkNumber, programme: programme,
                DeliveryRequest(inKindQuantity: 1, inKindUnit: "session", period: .containing(training.heldOn, as: .month(training.heldOn.month)), deliveredOn: training.heldOn),
                endReason: "training attended: \(training.title)", in: db)
            try Attendance(trainingId: id, kkNumber: request.kkNumber, deliveryId: delivery.id).insert(db)
            return try detail(id, store: store, in: db)
        }
    }

    func detail(_ id: UUID, store: ClusterStore, in db: Database) throws -> TrainingDetail {
        guard let training = try Training.fetchOne(db, key: id.uuidString.lowercased()) else {
            throw ProblemDocument.notFound("No training \(id.uuidString.lowercased()) in \(store.cluster.indonesianName).")
        }
        let attendance = try Attendance.filter(Column("trainingId") == id.uuidString.lowercased()).order(Column("kkNumber")).fetchAll(db)
        return TrainingDetail(training: training, attendance: attendance)
    }
}
