import EntasCluster
import EntasDomain
import EntasService
import Foundation
import GRDB

/// Social aid's reads and writes of shocks.
extension ClusterStore {
    /// Stores a shock and, when relief was given, its one-off `shock-relief` enrolment, delivery
    /// and end (`deliverOnce`: the eligibility rule checked), all in one transaction with their
    /// events.
    func recordShock(_ request: ShockRequest) async throws -> Shock {
        try await database.write { db in
            _ = try requireHousehold(request.kkNumber, in: db)
            var shock = Shock(id: .timeOrdered(), kkNumber: request.kkNumber, kind: request.kind, occurredOn: request.occurredOn, note: request.note)
            if let relief = request.relief {
                guard relief.deliveredOn >= request.occurredOn else {
                    throw ProblemDocument.invalidField(
                        "relief.deliveredOn", Message("services.shock.reliefBeforeShock", .day(relief.deliveredOn), .day(request.occurredOn)))
                }
                let (enrolment, delivery) = try deliverOnce(
                    request.kkNumber, programme: SocialAidProgrammes.shockRelief.code,
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

    /// Shocks, newest first, of one household or kind when given.
    func shocks(of kk: KKNumber?, kind: ShockKind?, paging: Paging) async throws -> [Shock] {
        try await database.read { db in
            var query = inScope(Shock.order(Shock.Columns.occurredOn.desc))
            if let kk { query = query.filter(Shock.Columns.kkNumber == kk) }
            if let kind { query = query.filter(Shock.Columns.kind == kind) }
            return try query.limit(paging.limit, offset: paging.offset).fetchAll(db)
        }
    }

    /// One shock, or a 404 problem.
    func shock(_ id: UUID) async throws -> Shock {
        let found = try await database.read { db in
            let shock = try Shock.fetchOne(db, key: id.lowercaseText)
            if let shock { try requireInScope(shock.kkNumber, in: db) }
            return shock
        }
        guard let shock = found else {
            throw ProblemDocument.notFound(Message("services.shock.notFound", .text(id.lowercaseText), .text(cluster.indonesianName)))
        }
        return shock
    }
}
