import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// JSON Schemas of the coordinator's request body (`PUT /v1/targets`) and query parameters, named for the
/// routes that declare them: enough for a client generator or a fuzzer to send well-formed requests. The rules
/// behind them (the region exists, the target's year is in range) stay in the controllers.
enum CoordinatorSchemas {
    /// A target's year.
    static var year: [String: Any] { ["type": "integer", "minimum": TargetStore.years.lowerBound, "maximum": TargetStore.years.upperBound] }

    /// `PUT /v1/targets`.
    static var target: [String: Any] {
        RequestSchemas.object(
            [
                "regionCode": RequestSchemas.region,
                "year": year,
                "smRemaining": RequestSchemas.count,
                "socialAidCoverage": ["type": "integer", "minimum": 0, "maximum": 100, "description": "percent of SM and M households"],
            ], required: ["regionCode", "year"])
    }

    /// `?region=`.
    static var region: [String: [String: Any]] { ["region": RequestSchemas.region] }
    /// `?region=&period=`.
    static var regionAndPeriod: [String: [String: Any]] { region.merging(["period": RequestSchemas.period]) { $1 } }
    /// `GET /v1/overview`.
    static var overview: [String: [String: Any]] { region.merging(["depth": ["type": "integer", "minimum": 0, "maximum": 3], "empty": ["type": "boolean"]]) { $1 } }
    /// `GET /v1/progress`.
    static var progress: [String: [String: Any]] {
        let month: [String: Any] = ["type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$", "description": "YYYY-MM"]
        return region.merging(["from": month, "to": month]) { $1 }
    }
    /// `GET /v1/targets`.
    static var targets: [String: [String: Any]] { region.merging(["year": year]) { $1 } }
    /// `GET /v1/gaps`.
    static var gaps: [String: [String: Any]] {
        region.merging(RequestSchemas.paging) { $1 }.merging(["cluster": RequestSchemas.cluster, "status": RequestSchemas.status]) { $1 }
    }
    /// `GET /v1/cases`.
    static var cases: [String: [String: Any]] {
        region.merging(RequestSchemas.paging) { $1 }.merging(["state": ["type": "string", "enum": CaseState.allCases.map(\.rawValue)]]) { $1 }
    }
    /// `POST /v1/flags`.
    static var flagLookup: [String: Any] {
        RequestSchemas.object(
            ["kkNumbers": ["type": "array", "items": RequestSchemas.kk, "maxItems": FlagLookup.maximumCount]],
            required: ["kkNumbers"])
    }
    /// `GET /v1/conflicts`.
    static var conflicts: [String: [String: Any]] { region.merging(RequestSchemas.paging) { $1 } }
}
