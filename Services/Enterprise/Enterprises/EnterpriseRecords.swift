import EntasDomain
import EntasCluster
import EntasService
import Foundation
import GRDB
import Hummingbird

/// UMKM's register of household enterprises (owner NIK, sector, start date). An enterprise
/// is not itself a benefit: loans and trainings are, and they refer to it.
struct EnterpriseRecords: ClusterRecords {
    let summaries: [String: String] = [
        "POST /v1/enterprises": "Register an enterprise run by a household member (owner NIK, sector, start date)",
        "GET /v1/enterprises": "Enterprises, newest first (?kk=, ?sector=, ?limit=&offset=)",
        "GET /v1/enterprises/{id}": "One enterprise",
    ]

    func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("umkm-v1-enterprise") { db in
            try db.execute(
                sql: """
                    CREATE TABLE enterprise (
                        id TEXT PRIMARY KEY NOT NULL,
                        kkNumber TEXT NOT NULL REFERENCES householdReplica(kkNumber),
                        ownerNIK TEXT NOT NULL,
                        name TEXT NOT NULL,
                        sector TEXT NOT NULL,
                        startedOn TEXT NOT NULL
                    );
                    CREATE INDEX enterprise_household ON enterprise(kkNumber);
                    """)
        }
    }

    func addRoutes(to group: RouterGroup<AgencyRequestContext>, store: ClusterStore) {
        let enterprises = group.group("enterprises")
        enterprises.post { request, context in
            let body = try await request.decodeJSON(as: EnterpriseRequest.self, context: context)
            return EditedResponse(status: .created, response: try await register(body, store: store))
        }
        enterprises.get { request, _ in
            let kk = try request.query("kk") { try KKNumber($0) }
            let sector = try request.query("sector") { text in
                guard let sector = EnterpriseSector(rawValue: text) else {
                    throw ProblemDocument.invalidField("sector", "'\(text)' is not a sector; use one of \(EnterpriseSector.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return sector
            }
            let page = try Paging(request)
            return EnterpriseList(
                enterprises: try await store.database.read { db in
                    var query = Enterprise.order(Enterprise.Columns.startedOn.desc)
                    if let kk { query = query.filter(Enterprise.Columns.kkNumber == kk) }
                    if let sector { query = query.filter(Enterprise.Columns.sector == sector) }
                    return try query.limit(page.limit, offset: page.offset).fetchAll(db)
                })
        }
        enterprises.get("{id}") { _, context in
            let id = try context.uuid(of: "an enterprise")
            return try await store.database.read { db in try Self.require(id, store: store, in: db) }
        }
    }

    func register(_ request: EnterpriseRequest, store: ClusterStore) async throws -> Enterprise {
        let name = request.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 200 else { throw ProblemDocument.invalidField("name", "an enterprise needs a name of 1 to 200 characters") }
        return try await store.database.write { db in
            _ = try store.requireHousehold(request.kkNumber, in: db)
            let enterprise = Enterprise(
                id: UUID(), kkNumber: request.kkNumber, ownerNIK: request.ownerNIK, name: name, sector: request.sector, startedOn: request.startedOn)
            try enterprise.insert(db)
            return enterprise
        }
    }

    static func require(_ id: UUID, store: ClusterStore, in db: Database) throws -> Enterprise {
        guard let enterprise = try Enterprise.fetchOne(db, key: id.uuidString.lowercased()) else {
            throw ProblemDocument.notFound("No enterprise \(id.uuidString.lowercased()) in \(store.cluster.indonesianName).")
        }
        return enterprise
    }
}
