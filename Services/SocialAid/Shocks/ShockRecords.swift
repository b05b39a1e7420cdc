import EntasDomain
import EntasCluster
import EntasService
import Foundation
import GRDB
import Hummingbird

/// Social aid's own record: shocks (illness, the breadwinner's death, job loss, disaster)
/// and the one-off relief given for them.
///
/// Relief is a one-off delivery under the `shock-relief` programme (`deliverOnce`: enrolled
/// with its eligibility rule checked, delivered, ended), written in the transaction that
/// stores the shock, so the others see `enrolment.started`, `benefit.delivered` and
/// `enrolment.ended`.
struct ShockRecords: ClusterRecords {
    let programme = SocialAidProgrammes.shockRelief.code

    let summaries: [String: String] = [
        "POST /v1/shocks": "Record a shock (illness, breadwinner's death, job loss, disaster) and the relief given; the relief is published as a shock-relief enrolment, delivery and end",
        "GET /v1/shocks": "Shocks recorded, newest first (?kk=, ?kind=, ?limit=&offset=)",
        "GET /v1/shocks/{id}": "One shock",
    ]

    func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("social-aid-v1-shock") { db in
            try db.execute(
                sql: """
                    CREATE TABLE shock (
                        id TEXT PRIMARY KEY NOT NULL,
                        kkNumber TEXT NOT NULL REFERENCES householdReplica(kkNumber),
                        kind TEXT NOT NULL CHECK (kind IN ('illness', 'breadwinnerDeath', 'jobLoss', 'disaster')),
                        occurredOn TEXT NOT NULL,
                        note TEXT,
                        reliefEnrolmentId TEXT REFERENCES enrolment(id),
                        reliefDeliveryId TEXT REFERENCES delivery(id)
                    );
                    CREATE INDEX shock_household ON shock(kkNumber, occurredOn);
                    """)
        }
    }

    func addRoutes(to group: RouterGroup<AgencyRequestContext>, store: ClusterStore) {
        let shocks = group.group("shocks")
        shocks.post { request, context in
            let shock = try await request.decodeJSON(as: ShockRequest.self, context: context)
            return EditedResponse(status: .created, response: try await record(shock, store: store))
        }
        shocks.get { request, _ in
            let kk = try request.query("kk") { try KKNumber($0) }
            let kind = try request.query("kind") { text in
                guard let kind = ShockKind(rawValue: text) else {
                    throw ProblemDocument.invalidField("kind", "'\(text)' is not a shock; use one of \(ShockKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return kind
            }
            let page = try Paging(request)
            return ShockList(
                shocks: try await store.database.read { db in
                    var query = Shock.order(Shock.Columns.occurredOn.desc)
                    if let kk { query = query.filter(Shock.Columns.kkNumber == kk) }
                    if let kind { query = query.filter(Shock.Columns.kind == kind) }
                    return try query.limit(page.limit, offset: page.offset).fetchAll(db)
                })
        }
        shocks.get("{id}") { _, context in
            let id = try context.uuid(of: "a shock")
            guard let shock = try await store.database.read({ db in try Shock.fetchOne(db, key: id.uuidString.lowercased()) }) else {
                throw ProblemDocument.notFound("No shock \(id.uuidString.lowercased()) in \(store.cluster.indonesianName).")
            }
            return shock
        }
    }

    /// Stores the shock and, when relief was given, its enrolment, delivery and end.
    func record(_ request: ShockRequest, store: ClusterStore) async throws -> Shock {
        try await store.database.write { db in
            _ = try store.requireHousehold(request.kkNumber, in: db)
            var shock = Shock(id: UUID(), kkNumber: request.kkNumber, kind: request.kind, occurredOn: request.occurredOn, note: request.note)
            if let relief = request.relief {
                guard relief.deliveredOn >= request.occurredOn else {
                    throw ProblemDocument.invalidField(
                        "relief.deliveredOn", "relief cannot be given (\(relief.deliveredOn)) before the shock (\(request.occurredOn))")
                }
                let (enrolment, delivery) = try store.deliverOnce(
                    request.kkNumber, programme: programme,
                    DeliveryRequest(
                        amountRupiah: relief.amountRupiah, inKindQuantity: relief.inKindQuantity, inKindUnit: relief.inKindUnit,
                        period: .containing(relief.deliveredOn, as: .month(relief.deliveredOn.month)), deliveredOn: relief.deliveredOn),
                    endReason: "relief given after \(request.kind.rawValue)", in: db)
                shock.reliefEnrolmentId = enrolment.id
                shock.reliefDeliveryId = delivery.id
            }
            try shock.insert(db)
            return shock
        }
    }
}
