import EntasCluster
import EntasDomain
import EntasService
import Foundation
import GRDB

/// UMKM's reads and writes of trainings; each attendance is a one-off `training` delivery
/// (one session; `deliverOnce`), published as the shared events.
extension ClusterStore {
    func recordTraining(_ request: TrainingRequest) async throws -> TrainingDetail {
        let title = request.title.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty, title.count <= 200 else { throw ProblemDocument.invalidField("title", Message("services.training.titleLength")) }
        _ = try RegionReference.eastJava.require(request.desaCode, level: .desa)
        try scope.require(request.desaCode)
        let training = Training(id: .timeOrdered(), title: title, sector: request.sector, desaCode: request.desaCode, heldOn: request.heldOn)
        return try await database.write { db in
            try training.insert(db)
            return TrainingDetail(training: training, attendance: [])
        }
    }

    func recordAttendance(at id: UUID, _ request: AttendanceRequest) async throws -> TrainingDetail {
        try await database.write { db in
            let training = try trainingDetail(id, in: db).training
            _ = try requireHousehold(request.kkNumber, in: db)
            guard try Attendance.fetchOne(db, key: ["trainingId": id.lowercaseText, "kkNumber": request.kkNumber.rawValue]) == nil else {
                throw ProblemDocument.conflict(Message("services.training.alreadyAttended"), code: "already-attended")
            }
            let (_, delivery) = try deliverOnce(
                request.kkNumber, programme: EnterpriseProgrammes.training.code,
                DeliveryRequest(inKindQuantity: 1, inKindUnit: "session", period: .containing(training.heldOn, as: .month(training.heldOn.month)), deliveredOn: training.heldOn),
                endReason: "training attended: \(training.title)", in: db)
            try Attendance(trainingId: id, kkNumber: request.kkNumber, deliveryId: delivery.id).insert(db)
            return try trainingDetail(id, in: db)
        }
    }

    func trainingDetail(_ id: UUID, in db: Database) throws -> TrainingDetail {
        guard let training = try Training.fetchOne(db, key: id.lowercaseText) else {
            throw ProblemDocument.notFound(Message("services.training.notFound", .text(id.lowercaseText), .text(cluster.indonesianName)))
        }
        try scope.require(record: training.desaCode)
        let attendance = try inScope(Attendance.filter(Column("trainingId") == id.lowercaseText).order(Column("kkNumber"))).fetchAll(db)
        return TrainingDetail(training: training, attendance: attendance)
    }

    /// Trainings, newest first, held in `region` when given.
    func trainings(in region: RegionCode?, paging: Paging) async throws -> [Training] {
        try await database.read { db in
            var query = Training.order(Column("heldOn").desc)
            if let region, region.level != .province {
                query = region.level == .desa
                    ? query.filter(Column("desaCode") == region) : query.filter(Column("desaCode").like(region.dotted + ".%"))
            }
            return try query.limit(paging.limit, offset: paging.offset).fetchAll(db)
        }
    }

    /// One training with its attendance, or a 404 problem.
    func training(_ id: UUID) async throws -> TrainingDetail {
        try await database.read { db in try trainingDetail(id, in: db) }
    }
}
