import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// JSON Schemas of the coordinator's request body (`PUT /v1/targets`) and query parameters, for
/// `/openapi.json`: enough for a client generator or a fuzzer to send well-formed requests. The rules behind
/// them (the region exists, the target's year is in range) stay in the controllers.
enum CoordinatorSchemas {
    /// A target's year.
    static var year: [String: Any] { ["type": "integer", "minimum": TargetStore.years.lowerBound, "maximum": TargetStore.years.upperBound] }

    static var bodies: [String: Data] {
        RequestSchemas.json([
            "PUT /v1/targets": RequestSchemas.object(
                [
                    "regionCode": RequestSchemas.region,
                    "year": year,
                    "smRemaining": RequestSchemas.count,
                    "socialAidCoverage": ["type": "integer", "minimum": 0, "maximum": 100, "description": "percent of SM and M households"],
                ], required: ["regionCode", "year"])
        ])
    }

    static var queries: [String: Data] {
        let region: [String: [String: Any]] = ["region": RequestSchemas.region]
        let regionAndPeriod = region.merging(["period": RequestSchemas.period]) { $1 }
        let month: [String: Any] = ["type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$", "description": "YYYY-MM"]
        return RequestSchemas.json([
            "GET /v1/overview": region.merging(["depth": ["type": "integer", "minimum": 0, "maximum": 3], "empty": ["type": "boolean"]]) { $1 },
            "GET /v1/progress": region.merging(["from": month, "to": month]) { $1 },
            "GET /v1/strategies": region,
            "GET /v1/commitments": regionAndPeriod,
            "GET /v1/plan": regionAndPeriod,
            "GET /v1/evaluation": regionAndPeriod,
            "GET /v1/evaluation/report": regionAndPeriod,
            "GET /v1/targets": region.merging(["year": year]) { $1 },
            "GET /v1/gaps": region.merging(RequestSchemas.paging) { $1 }.merging(["cluster": RequestSchemas.cluster, "status": RequestSchemas.status]) { $1 },
            "GET /v1/conflicts": region.merging(RequestSchemas.paging) { $1 },
        ])
    }
}
