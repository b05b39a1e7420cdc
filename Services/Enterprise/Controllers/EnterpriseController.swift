import EntasCluster
import EntasDomain
import EntasService
import Hummingbird

/// `/v1/enterprises`: UMKM's register of household enterprises (owner NIK, sector, start date). An enterprise
/// is not itself a benefit: loans and trainings are, and they refer to it.
struct EnterpriseController: ClusterController {
    func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>, store: ClusterStore) {
        let enterprises = group.group("enterprises")
        enterprises.post(summary: "Register an enterprise run by a household member (owner NIK, sector, start date)") { request, context in
            let body = try await request.decodeJSON(as: EnterpriseRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.serving(context).registerEnterprise(body))
        }
        enterprises.get(summary: "Enterprises, newest first (?kk=, ?sector=, ?limit=&offset=)") { request, context in
            let kk = try request.query("kk") { try KKNumber($0) }
            let sector = try request.query("sector") { text in
                guard let sector = EnterpriseSector(rawValue: text) else {
                    throw ProblemDocument.invalidField(
                        "sector", Message("services.enterprise.notSector", .text(text), .text(EnterpriseSector.allCases.map(\.rawValue).joined(separator: ", "))))
                }
                return sector
            }
            return EnterpriseList(enterprises: try await store.serving(context).enterprises(of: kk, sector: sector, paging: try Paging(request)))
        }
        enterprises.get("{id}", summary: "One enterprise") { _, context in
            try await store.serving(context).enterprise(try context.uuid(of: Message("services.id.enterprise")))
        }
    }
}
