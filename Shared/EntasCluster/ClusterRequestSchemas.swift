import EntasDomain
import EntasService
import Foundation

/// JSON Schemas of the request bodies and query parameters shared by the four cluster
/// services, for `/openapi.json`: enough for a client generator or a fuzzer (schemathesis)
/// to send well-formed requests and reach the rules behind the parsing. The rules themselves
/// (eligibility, region reference, NIK dates) stay in the code; the schemas only give shapes.
extension RequestSchemas {
    /// Body schemas by "METHOD /path", as JSON.
    public static func clusterBodies(programmes: [String]) -> [String: Data] {
        let registration = object(
            [
                "kkNumber": kk, "headNIK": nik, "headName": text, "address": text, "desaCode": desa,
                "memberCount": ["type": "integer", "minimum": 1, "maximum": 40], "criteriaMet": criteria, "baselineStatus": status,
            ], required: ["kkNumber", "headNIK", "headName", "address", "desaCode", "memberCount", "criteriaMet"])
        let schemas: [String: [String: Any]] = [
            "POST /v1/households": registration,
            "PATCH /v1/households/{kk}": object(
                ["headNIK": nik, "headName": text, "address": text, "desaCode": desa, "memberCount": ["type": "integer", "minimum": 1], "criteriaMet": criteria],
                required: []),
            "POST /v1/households/{kk}/assessments": object(
                ["status": status, "criteriaMet": criteria, "assessedOn": date, "assessor": text], required: ["status", "criteriaMet", "assessedOn", "assessor"]),
            "POST /v1/households/{kk}/graduation": object(["reason": text, "graduatedOn": date], required: ["reason", "graduatedOn"]),
            "POST /v1/enrolments": object(
                ["kkNumber": kk, "programme": ["type": "string", "enum": programmes], "startedOn": date], required: ["kkNumber", "programme", "startedOn"]),
            "POST /v1/enrolments/{id}/end": object(["endedOn": date, "reason": text], required: ["endedOn", "reason"]),
            "POST /v1/enrolments/{id}/deliveries": object(
                [
                    "amountRupiah": ["type": "integer", "minimum": 0], "inKindQuantity": ["type": "number", "minimum": 0], "inKindUnit": text,
                    "period": ["type": "string", "pattern": "^20[0-9]{2}(-(0[1-9]|1[0-2])|-Q[1-4])?$"], "deliveredOn": date,
                ], required: ["period", "deliveredOn"]),
            "POST /v1/commitments": object(
                [
                    "regionCode": region, "period": period, "programme": ["type": "string", "enum": programmes], "strategy": strategy,
                    "households": count, "deliveries": count, "budgetRupiah": count, "graduations": count, "madeOn": date,
                ], required: ["regionCode", "period", "programme", "households", "deliveries", "budgetRupiah"]),
            "POST /v1/referrals": object(["kkNumber": kk, "toCluster": cluster, "reason": text], required: ["kkNumber", "toCluster", "reason"]),
            "POST /v1/referrals/{id}/accept": object(["note": text, "answeredOn": date], required: []),
            "POST /v1/referrals/{id}/decline": object(["note": text, "answeredOn": date], required: []),
        ]
        return json(schemas)
    }

    /// Query parameters by "METHOD /path": name and JSON Schema, as JSON.
    public static func clusterQueries() -> [String: Data] {
        let households = paging.merging(["region": region, "status": status]) { $1 }
        let commitments: [String: [String: Any]] = ["region": region, "period": period, "programme": text]
        return json(["GET /v1/households": households, "GET /v1/commitments": commitments])
    }
}
