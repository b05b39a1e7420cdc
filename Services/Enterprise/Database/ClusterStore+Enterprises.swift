import EntasCluster
import EntasDomain
import EntasService
import Foundation
import GRDB

/// UMKM's reads and writes of enterprises.
extension ClusterStore {
    /// Registers an enterprise run by a member of a known household.
    func registerEnterprise(_ request: EnterpriseRequest) async throws -> Enterprise {
        let name = request.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 200 else { throw ProblemDocument.invalidField("name", Message("services.enterprise.nameLength")) }
        return try await database.write { db in
            _ = try requireHousehold(request.kkNumber, in: db)
            let enterprise = Enterprise(
                id: .timeOrdered(), kkNumber: request.kkNumber, ownerNIK: request.ownerNIK, name: name, sector: request.sector, startedOn: request.startedOn)
            try enterprise.insert(db)
            return enterprise
        }
    }

    /// An enterprise, or a 404 problem.
    func requireEnterprise(_ id: UUID, in db: Database) throws -> Enterprise {
        guard let enterprise = try Enterprise.fetchOne(db, key: id.lowercaseText) else {
            throw ProblemDocument.notFound(Message("services.enterprise.notFound", .text(id.lowercaseText), .text(cluster.indonesianName)))
        }
        try requireInScope(enterprise.kkNumber, in: db)
        return enterprise
    }

    /// Enterprises, newest first, of one household or sector when given.
    func enterprises(of kk: KKNumber?, sector: EnterpriseSector?, paging: Paging) async throws -> [Enterprise] {
        try await database.read { db in
            var query = inScope(Enterprise.order(Enterprise.Columns.startedOn.desc))
            if let kk { query = query.filter(Enterprise.Columns.kkNumber == kk) }
            if let sector { query = query.filter(Enterprise.Columns.sector == sector) }
            return try query.limit(paging.limit, offset: paging.offset).fetchAll(db)
        }
    }

    func enterprise(_ id: UUID) async throws -> Enterprise {
        try await database.read { db in try requireEnterprise(id, in: db) }
    }
}
