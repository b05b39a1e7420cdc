import EntasDomain
import EntasCluster
import EntasService
import Foundation
import GRDB
import Hummingbird

/// Low-cost works in stages: a house renovated (RTLH) from survey to completion, an
/// electricity or clean-water connection from survey to connected. Every work is an
/// enrolment; reaching the last stage records the delivery (one house, one connection,
/// and its cost when given) and ends the enrolment as completed.
struct WorkRecords: ClusterRecords {
    let summaries: [String: String] = [
        "POST /v1/enrolments/{id}/stages": "Record the next stage a work reached; the last stage records the delivery (benefit.delivered) and ends the enrolment (enrolment.ended)",
        "GET /v1/enrolments/{id}/stages": "A work's stages and how far it has come",
        "GET /v1/works": "Works by programme and current stage (?programme=rtlh, ?stage=construction, ?limit=&offset=)",
    ]

    func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("low-cost-v1-work-stage") { db in
            try db.execute(
                sql: """
                    CREATE TABLE workStage (
                        enrolmentId TEXT NOT NULL REFERENCES enrolment(id),
                        stage TEXT NOT NULL,
                        reachedOn TEXT NOT NULL,
                        note TEXT,
                        PRIMARY KEY (enrolmentId, stage)
                    );
                    """)
        }
    }

    func addRoutes(to group: RouterGroup<AgencyRequestContext>, store: ClusterStore) {
        group.post("enrolments/{id}/stages") { request, context in
            let body = try await request.decodeJSON(as: StageRequest.self, context: context)
            return EditedResponse(status: .created, response: try await advance(try context.uuid(of: "an enrolment"), body, store: store))
        }
        group.get("enrolments/{id}/stages") { _, context in
            let id = try context.uuid(of: "an enrolment")
            return try await store.database.read { db in try work(try store.requireEnrolment(id, in: db), in: db) }
        }
        group.get("works") { request, _ in
            let programme = try request.query("programme") { code -> String in
                guard store.definition.programme(code) != nil else {
                    throw ProblemDocument.invalidField("programme", "'\(code)' is not a programme of \(store.cluster.indonesianName); see GET /v1/programmes")
                }
                return code
            }
            let stage = request.uri.queryParameters.get("stage").map { String($0) }
            let page = try Paging(request)
            return WorkList(
                works: try await store.database.read { db in
                    var query = Enrolment.order(Column("startedOn").desc)
                    if let programme { query = query.filter(Enrolment.Columns.programme == programme) }
                    // The current stage is the latest reached, so filtering by it is done here.
                    let works = try query.fetchAll(db).map { try work($0, in: db) }
                    let matching = stage.map { stage in works.filter { $0.currentStage == stage } } ?? works
                    return Array(matching.dropFirst(page.offset).prefix(page.limit))
                })
        }
    }

    func advance(_ id: UUID, _ request: StageRequest, store: ClusterStore) async throws -> Work {
        try await store.database.write { db in
            let enrolment = try store.requireEnrolment(id, in: db)
            let current = try work(enrolment, in: db)
            guard enrolment.isActive else { throw ProblemDocument.conflict("the work has ended (\(enrolment.endReason ?? "ended")); no further stage", code: "enrolment-ended") }
            guard let index = current.stages.firstIndex(of: request.stage) else {
                throw ProblemDocument.invalidField("stage", "'\(request.stage)' is not a stage of \(enrolment.programme); use one of \(current.stages.joined(separator: ", "))")
            }
            if let last = current.reached.last {
                guard let lastIndex = current.stages.firstIndex(of: last.stage), index > lastIndex else {
                    throw ProblemDocument.conflict("the work is already at \(last.stage); the next stage is after it", code: "stage-reached")
                }
                guard request.reachedOn >= last.reachedOn else {
                    throw ProblemDocument.invalidField("reachedOn", "\(request.stage) cannot be reached (\(request.reachedOn)) before \(last.stage) (\(last.reachedOn))")
                }
            }
            guard request.reachedOn >= enrolment.startedOn else {
                throw ProblemDocument.invalidField("reachedOn", "a stage cannot be reached (\(request.reachedOn)) before the enrolment started (\(enrolment.startedOn))")
            }
            if let cost = request.costRupiah, cost < 0 { throw ProblemDocument.invalidField("costRupiah", "a cost cannot be negative") }
            try WorkStage(enrolmentId: id, stage: request.stage, reachedOn: request.reachedOn, note: request.note).insert(db)
            if index == current.stages.count - 1 {
                let unit = store.definition.programme(enrolment.programme)?.deliveryUnit ?? "work"
                _ = try store.recordDelivery(
                    id,
                    DeliveryRequest(
                        amountRupiah: request.costRupiah, inKindQuantity: 1, inKindUnit: unit,
                        period: .containing(request.reachedOn, as: .month(request.reachedOn.month)), deliveredOn: request.reachedOn), in: db)
                _ = try store.endEnrolment(id, EndEnrolmentRequest(endedOn: request.reachedOn, reason: "completed"), in: db)
            }
            return try work(try store.requireEnrolment(id, in: db), in: db)
        }
    }

    func work(_ enrolment: Enrolment, in db: Database) throws -> Work {
        let stages = WorkStages.stages(of: enrolment.programme)
        let reached = try WorkStage.filter(Column("enrolmentId") == enrolment.id.uuidString.lowercased()).fetchAll(db)
            .sorted { (stages.firstIndex(of: $0.stage) ?? 0) < (stages.firstIndex(of: $1.stage) ?? 0) }
        return Work(
            enrolment: enrolment, stages: stages, reached: reached, currentStage: reached.last?.stage,
            completed: reached.last?.stage == stages.last)
    }
}
