import EntasCluster
import EntasDomain
import EntasService
import Hummingbird

/// `/v1/enterprises`: UMKM's register of household enterprises (owner NIK, sector, start date). An enterprise
/// is not itself a benefit: loans and trainings are, and they refer to it.
struct EnterpriseController: ClusterController {
    let summaries: [String: String] = [
        "POST /v1/enterprises": "Register an enterprise run by a household member (owner NIK, sector, start date)",
        "GET /v1/enterprises": "Enterprises, newest first (?kk=, ?sector=, ?limit=&offset=)",
        "GET /v1/enterprises/{id}": "One enterprise",
    ]

    func addRoutes(to group: RouterGroup<AgencyRequestContext>, store: ClusterStore) {
        let enterprises = group.group("enterprises")
        enterprises.post { request, context in
            let body = try await request.decodeJSON(as: EnterpriseRequest.self, context: context)
            return EditedResponse(status: .created, response: try await store.registerEnterprise(body))
        }
        enterprises.get { request, _ in
            let kk = try request.query("kk") { try KKNumber($0) }
            let sector = try request.query("sector") { text in
                guard let sector = EnterpriseSector(rawValue: text) else {
                    throw ProblemDocument.invalidField("sector", "'\(text)' is not a sector; use one of \(EnterpriseSector.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return sector
            }
            return EnterpriseList(enterprises: try await store.enterprises(of: kk, sector: sector, paging: try Paging(request)))
        }
        enterprises.get("{id}") { _, context in
            try await store.enterprise(try context.uuid(of: "an enterprise"))
        }
    }
}
