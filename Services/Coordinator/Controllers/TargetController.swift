import EntasAPI
import EntasDomain
import EntasService
import Foundation
import Hummingbird

/// `/v1/targets`: the province's targets per region and year. Any coordinator token reads them; setting
/// them takes an admin token (`entas-coordinator token create --name <who> --role admin`): Bappeda decides
/// the targets, the agencies and analysts only read them.
struct TargetController: Sendable {
    let queries: CoordinatorQueries
    let store: TargetStore

    func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>) {
        group.get("targets", summary: "Targets set for a region, the regions above and inside it (?region=&year=)", query: CoordinatorSchemas.targets) { request, context in
            let year = try request.query("year") { text -> Int in
                guard let year = Int(text), TargetStore.years.contains(year) else {
                    throw ProblemDocument.invalidField("year", Message("coordinator.targets.yearQuery", .text(String(TargetStore.years.lowerBound)), .text(String(TargetStore.years.upperBound)), .text(String(text.prefix(20)))))
                }
                return year
            }
            return TargetList(targets: try await queries.targets(region: try Query.region(request, context), year: year))
        }
        group.put("targets", summary: "Set a region's targets for a year: SM households remaining, social-aid coverage of SM and M (admin token)", body: CoordinatorSchemas.target) { request, context in
            try context.requireAdmin(to: Message("coordinator.targets.action"), executable: "entas-coordinator")
            let target = try await request.decodeJSON(as: TargetRequest.self, context: context)
            try context.scope.require(target.regionCode)
            return try await store.set(target, by: context.holder)
        }
    }
}

extension TargetList: ResponseEncodable {}

extension TargetView: ResponseEncodable {}
