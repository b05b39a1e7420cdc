import EntasCluster
import EntasDomain
import EntasService
import Foundation
import GRDB

/// Low cost's reads and writes of works in stages.
extension ClusterStore {
    /// Records the next stage a work reached; the last one records the delivery and ends the
    /// enrolment as completed.
    func advanceWork(_ id: UUID, _ request: StageRequest) async throws -> Work {
        try await database.write { db in
            let enrolment = try requireEnrolment(id, in: db)
            let current = try work(enrolment, in: db)
            guard enrolment.isActive else {
                let detail =
                    enrolment.endReason.map { Message("services.work.ended", .text($0)) } ?? Message("services.work.endedWithoutReason")
                throw ProblemDocument.conflict(detail, code: "enrolment-ended")
            }
            guard let index = current.stages.firstIndex(of: request.stage) else {
                throw ProblemDocument.invalidField(
                    "stage", Message("services.work.notStage", .text(request.stage), .text(enrolment.programme), .text(current.stages.joined(separator: ", "))))
            }
            if let last = current.reached.last {
                guard let lastIndex = current.stages.firstIndex(of: last.stage), index > lastIndex else {
                    throw ProblemDocument.conflict(Message("services.work.stageReached", .text(last.stage)), code: "stage-reached")
                }
                guard request.reachedOn >= last.reachedOn else {
                    throw ProblemDocument.invalidField(
                        "reachedOn",
                        Message("services.work.stageBeforeLast", .text(request.stage), .day(request.reachedOn), .text(last.stage), .day(last.reachedOn)))
                }
            }
            guard request.reachedOn >= enrolment.startedOn else {
                throw ProblemDocument.invalidField(
                    "reachedOn", Message("services.work.stageBeforeStart", .day(request.reachedOn), .day(enrolment.startedOn)))
            }
            if let cost = request.costRupiah, cost < 0 { throw ProblemDocument.invalidField("costRupiah", Message("services.work.negativeCost")) }
            try WorkStage(enrolmentId: id, stage: request.stage, reachedOn: request.reachedOn, note: request.note).insert(db)
            if index == current.stages.count - 1 {
                let unit = definition.programme(enrolment.programme)?.deliveryUnit ?? "work"
                _ = try recordDelivery(
                    id,
                    DeliveryRequest(
                        amountRupiah: request.costRupiah, inKindQuantity: 1, inKindUnit: unit,
                        period: .containing(request.reachedOn, as: .month(request.reachedOn.month)), deliveredOn: request.reachedOn), in: db)
                _ = try endEnrolment(id, EndEnrolmentRequest(endedOn: request.reachedOn, reason: "completed"), in: db)
            }
            return try work(try requireEnrolment(id, in: db), in: db)
        }
    }

    /// A work: its enrolment and the stages reached.
    func work(_ enrolment: Enrolment, in db: Database) throws -> Work {
        let stages = WorkStages.stages(of: enrolment.programme)
        let reached = try WorkStage.filter(Column("enrolmentId") == enrolment.id.lowercaseText).fetchAll(db)
            .sorted { (stages.firstIndex(of: $0.stage) ?? 0) < (stages.firstIndex(of: $1.stage) ?? 0) }
        return Work(
            enrolment: enrolment, stages: stages, reached: reached, currentStage: reached.last?.stage,
            completed: reached.last?.stage == stages.last)
    }

    /// One work by its enrolment, or a 404 problem.
    func work(_ id: UUID) async throws -> Work {
        try await database.read { db in try work(try requireEnrolment(id, in: db), in: db) }
    }

    /// Works, newest first, of one programme and current stage when given.
    func works(programme: String?, stage: String?, paging: Paging) async throws -> [Work] {
        try await database.read { db in
            var query = inScope(Enrolment.order(Column("startedOn").desc))
            if let programme { query = query.filter(Enrolment.Columns.programme == programme) }
            // The current stage is the latest reached, so filtering by it is done here.
            let works = try query.fetchAll(db).map { try work($0, in: db) }
            let matching = stage.map { stage in works.filter { $0.currentStage == stage } } ?? works
            return Array(matching.dropFirst(paging.offset).prefix(paging.limit))
        }
    }
}
