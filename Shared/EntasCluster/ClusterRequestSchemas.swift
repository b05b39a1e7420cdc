import EntasDomain
import EntasService
import Foundation

/// JSON Schemas of the request bodies and query parameters of the four cluster services'
/// shared routes, named for the route that declares them: enough for a client generator or a
/// fuzzer (schemathesis) to send well-formed requests and reach the rules behind the parsing.
/// The rules themselves (eligibility, region reference, NIK dates) stay in the code; the schemas
/// only give shapes.
extension RequestSchemas {
    /// `POST /v1/households`.
    static var registration: [String: Any] {
        object(
            [
                "kkNumber": kk, "headNIK": nik, "headName": text, "address": text, "desaCode": desa,
                "memberCount": ["type": "integer", "minimum": 1, "maximum": 40], "criteriaMet": criteria, "baselineStatus": status,
                "members": ["type": "array", "items": member, "minItems": 1, "maxItems": 40],
            ], required: ["kkNumber", "headNIK", "headName", "address", "desaCode", "criteriaMet"])
    }

    /// `PATCH /v1/households/{kk}`.
    static var householdChanges: [String: Any] {
        object(
            [
                "headNIK": nik, "headName": text, "address": text, "desaCode": desa, "memberCount": ["type": "integer", "minimum": 1], "criteriaMet": criteria,
                "members": ["type": "array", "items": member, "minItems": 1, "maxItems": 40], "departures": ["type": "array", "items": departureItem],
            ],
            required: [])
    }

    /// `POST /v1/households/{kk}/members`, and each of a registration's `members`.
    static var member: [String: Any] {
        object(memberFields, required: ["nik", "name", "relationship", "sex", "birthDate"])
    }

    /// `PATCH /v1/households/{kk}/members/{nik}`.
    static var memberChanges: [String: Any] { object(memberFields.filter { $0.key != "nik" }, required: []) }

    /// `POST /v1/households/{kk}/members/{nik}/departure`.
    static var departure: [String: Any] { object(["reason": departureReason], required: ["reason"]) }

    private static var departureReason: [String: Any] { ["type": "string", "enum": DepartureReason.allCases.map(\.rawValue)] }
    private static var departureItem: [String: Any] { object(["nik": nik, "reason": departureReason], required: ["nik", "reason"]) }

    private static var memberFields: [String: [String: Any]] {
        [
            "nik": nik, "name": text, "relationship": ["type": "string", "enum": FamilyRelationship.allCases.map(\.rawValue)],
            "sex": ["type": "string", "enum": Sex.allCases.map(\.rawValue)], "birthDate": date,
            "schoolLevel": ["type": "string", "enum": SchoolLevel.allCases.map(\.rawValue)], "inSchool": ["type": "boolean"],
            "pregnantOrNursing": ["type": "boolean"], "severeDisability": ["type": "boolean"],
        ]
    }

    /// `POST /v1/households/{kk}/assessments`.
    static var assessment: [String: Any] {
        object(["status": status, "criteriaMet": criteria, "assessedOn": date, "assessor": text], required: ["status", "criteriaMet", "assessedOn", "assessor"])
    }

    /// `POST /v1/households/{kk}/verification`.
    static var verification: [String: Any] {
        object(
            [
                "caseID": ["type": "string", "format": "uuid"], "status": ["type": "string", "enum": ["sangatMiskin", "miskin", "hampirMiskin", "tidakMiskin"]],
                "criteriaMet": criteria, "verifiedOn": date, "verifier": text, "minutesReference": text,
            ], required: ["caseID", "status", "criteriaMet", "verifiedOn", "verifier", "minutesReference"])
    }

    /// `POST /v1/households/{kk}/verification-request`.
    static var verificationRequest: [String: Any] { object(["reason": text, "requestedOn": date], required: ["reason"]) }

    /// `POST /v1/verification/assignments`.
    static var assignment: [String: Any] {
        let area: [String: Any] = ["type": "string", "pattern": "^35\\.[0-9]{2}\\.[0-9]{2}(\\.[0-9]{4})?$", "description": "a desa or kecamatan code"]
        return object(["areaCode": area, "team": text, "assignedOn": date], required: ["areaCode", "team"])
    }

    /// `GET /v1/worklist`.
    static var worklist: [String: [String: Any]] {
        [
            "region": ["type": "string", "pattern": "^35\\.[0-9]{2}\\.[0-9]{2}(\\.[0-9]{4})?$", "description": "a desa or kecamatan code"],
            "flag": ["type": "string", "enum": ["gap", "conflict", "case"]], "format": ["type": "string", "enum": ["json", "csv", "html"]],
        ]
    }

    /// `POST /v1/households/{kk}/graduation`.
    static var graduation: [String: Any] { object(["reason": text, "graduatedOn": date], required: ["reason", "graduatedOn"]) }

    /// `POST /v1/enrolments`, for a cluster with these programme codes.
    static func enrolment(programmes: [String]) -> [String: Any] {
        object(
            ["kkNumber": kk, "programme": ["type": "string", "enum": programmes], "startedOn": date, "memberNIK": nik],
            required: ["kkNumber", "programme", "startedOn"])
    }

    /// `POST /v1/enrolments/{id}/end`.
    static var enrolmentEnd: [String: Any] { object(["endedOn": date, "reason": text], required: ["endedOn", "reason"]) }

    /// `POST /v1/enrolments/{id}/deliveries`.
    static var delivery: [String: Any] {
        object(
            [
                "amountRupiah": ["type": "integer", "minimum": 0], "inKindQuantity": ["type": "number", "minimum": 0], "inKindUnit": text,
                "period": ["type": "string", "pattern": "^20[0-9]{2}(-(0[1-9]|1[0-2])|-Q[1-4])?$"], "deliveredOn": date, "memberNIK": nik,
            ], required: ["period", "deliveredOn"])
    }

    /// `POST /v1/commitments`, for a cluster with these programme codes.
    static func commitment(programmes: [String]) -> [String: Any] {
        object(
            [
                "regionCode": region, "period": period, "programme": ["type": "string", "enum": programmes], "strategy": strategy,
                "households": count, "deliveries": count, "budgetRupiah": count, "graduations": count, "madeOn": date,
            ], required: ["regionCode", "period", "programme", "households", "deliveries", "budgetRupiah"])
    }

    /// `POST /v1/referrals`.
    static var referral: [String: Any] { object(["kkNumber": kk, "toCluster": cluster, "reason": text], required: ["kkNumber", "toCluster", "reason"]) }

    /// `POST /v1/referrals/{id}/accept` and `…/decline` (the body may be empty).
    static var referralAnswer: [String: Any] { object(["note": text, "answeredOn": date], required: []) }

    /// `GET /v1/households`.
    static var householdQuery: [String: [String: Any]] { paging.merging(["region": region, "status": status]) { $1 } }

    /// `GET /v1/commitments`.
    static var commitmentQuery: [String: [String: Any]] { ["region": region, "period": period, "programme": text] }
}
