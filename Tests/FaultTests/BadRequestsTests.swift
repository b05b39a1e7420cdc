import EntasTestKit
import EntasCluster
import EntasDev
import Foundation
import Testing

extension Faults {
    /// A bad request, where it goes and the status it must get.
    struct BadRequest: Sendable {
        var service: String
        var method: String
        var path: String
        var contentType: String? = "application/json"
        var body: Data?
        var status: Int
        var what: String

        init(_ service: String, _ method: String, _ path: String, _ status: Int, _ what: String, json: String? = nil, body: Data? = nil, contentType: String? = "application/json") {
            self.service = service
            self.method = method
            self.path = path
            self.status = status
            self.what = what
            self.body = json.map { Data($0.utf8) } ?? body
            self.contentType = contentType
        }
    }

    /// The household the bad requests refer to (registered at social aid before the table
    /// runs): 800,003 is Hampir Miskin (baseline), 6 members.
    static let knownKK = Households.kk(800_003)

    static func registrationJSON(_ change: (inout [String: Any]) -> Void) throws -> String {
        String(decoding: JSONBody.json(try Households.registration(800_050), changing: change), as: UTF8.self)
    }

    static var badRequests: [BadRequest] {
        get throws { try makeBadRequests() }
    }

    static func makeBadRequests() throws -> [BadRequest] {
        let kk = knownKK
        let uuid = "8f0d7a2e-1c3b-4d5e-9f60-7a8b9c0d1e2f"
        let big = Data(("{\"kkNumber\":\"" + String(repeating: "9", count: 9 << 20) + "\"}").utf8)
        let longLine = Data(("{\"kind\":\"assessment\",\"assessor\":\"" + String(repeating: "x", count: (1 << 20) + 10) + "\"}\n").utf8)
        return [
            // Registrations at social aid: malformed, wrong types, out of range, invalid identities and regions.
            BadRequest("social-aid", "POST", "/v1/households", 400, "malformed JSON", json: #"{"kkNumber": "3509310000800050", "headNIK": "#),
            BadRequest("social-aid", "POST", "/v1/households", 400, "a JSON array, not an object", json: "[1, 2, 3]"),
            BadRequest("social-aid", "POST", "/v1/households", 422, "wrong type: memberCount as text", json: try registrationJSON { $0["memberCount"] = "four" }),
            BadRequest("social-aid", "POST", "/v1/households", 422, "wrong type: criteriaMet as a string", json: try registrationJSON { $0["criteriaMet"] = "all of them" }),
            BadRequest("social-aid", "POST", "/v1/households", 422, "out of range: memberCount 0", json: try registrationJSON { $0["memberCount"] = 0 }),
            BadRequest("social-aid", "POST", "/v1/households", 422, "out of range: memberCount -4", json: try registrationJSON { $0["memberCount"] = -4 }),
            BadRequest("social-aid", "POST", "/v1/households", 422, "missing field: headNIK", json: try registrationJSON { $0["headNIK"] = nil }),
            BadRequest("social-aid", "POST", "/v1/households", 422, "unknown region: desa 35.09.31.2999", json: try registrationJSON { $0["desaCode"] = "35.09.31.2999" }),
            BadRequest("social-aid", "POST", "/v1/households", 422, "region outside East Java (Jakarta)", json: try registrationJSON { $0["desaCode"] = "31.71.01.1001" }),
            BadRequest("social-aid", "POST", "/v1/households", 422, "invalid KK: 15 digits", json: try registrationJSON { $0["kkNumber"] = "350931000080005" }),
            BadRequest("social-aid", "POST", "/v1/households", 422, "invalid KK: a letter", json: try registrationJSON { $0["kkNumber"] = "35093100008000O5" }),
            BadRequest("social-aid", "POST", "/v1/households", 422, "invalid NIK: month 13", json: try registrationJSON { $0["headNIK"] = "3509315513600001" }),
            BadRequest("social-aid", "POST", "/v1/households", 422, "invalid NIK: day 35", json: try registrationJSON { $0["headNIK"] = "3509313501600001" }),
            BadRequest("social-aid", "POST", "/v1/households", 422, "unknown poverty criterion", json: try registrationJSON { $0["criteriaMet"] = ["owns_a_yacht"] }),
            BadRequest("social-aid", "POST", "/v1/households", 422, "unknown baseline status", json: try registrationJSON { $0["baselineStatus"] = "kaya" }),
            BadRequest("social-aid", "POST", "/v1/households", 413, "oversized body (9 MiB; JSON bodies are limited to 8 MiB)", body: big),
            // Reads and paths.
            BadRequest("social-aid", "GET", "/v1/households/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", 422, "path traversal in a KK"),
            BadRequest("social-aid", "GET", "/v1/households/3509310000800002%00", 422, "NUL byte in a KK"),
            BadRequest("social-aid", "GET", "/v1/households?limit=0", 422, "out of range: limit 0"),
            BadRequest("social-aid", "GET", "/v1/households?offset=-1", 422, "out of range: offset -1"),
            BadRequest("social-aid", "GET", "/v1/households?region=99.99", 422, "unknown region in a query"),
            BadRequest("social-aid", "GET", "/v1/households?status=kaya", 422, "unknown status in a query"),
            BadRequest("social-aid", "GET", "/v1/referrals/%2E%2E%2F%2E%2E%2Fsecrets", 422, "path traversal in a referral id"),
            // Assessments, enrolments, deliveries: rules of the programmes.
            BadRequest("social-aid", "POST", "/v1/households/\(kk)/assessments", 422, "unknown status in an assessment", json: #"{"status":"kaya","criteriaMet":[],"assessedOn":"2027-02-01","assessor":"tim"}"#),
            BadRequest("social-aid", "POST", "/v1/households/\(kk)/assessments", 422, "impossible date 2027-02-30", json: #"{"status":"miskin","criteriaMet":[],"assessedOn":"2027-02-30","assessor":"tim"}"#),
            BadRequest("social-aid", "POST", "/v1/enrolments", 422, "unknown programme", json: #"{"kkNumber":"\#(kk)","programme":"pkh-gold","startedOn":"2027-02-01"}"#),
            BadRequest("social-aid", "POST", "/v1/enrolments", 422, "eligibility breach: PKH for a Hampir Miskin household", json: #"{"kkNumber":"\#(kk)","programme":"pkh","startedOn":"2027-02-01"}"#),
            BadRequest("social-aid", "POST", "/v1/enrolments", 404, "enrolment of an unregistered household", json: #"{"kkNumber":"3509310000899999","programme":"rastra","startedOn":"2027-02-01"}"#),
            BadRequest("social-aid", "POST", "/v1/enrolments/%2E%2E%2Fadmin/end", 422, "path traversal in an enrolment id", json: #"{"endedOn":"2027-03-01","reason":"x"}"#),
            BadRequest("social-aid", "POST", "/v1/enrolments/\(uuid)/deliveries", 404, "delivery for an unknown enrolment", json: #"{"amountRupiah":750000,"period":"2027-Q1","deliveredOn":"2027-02-01"}"#),
            BadRequest("social-aid", "POST", "/v1/shocks", 422, "unknown shock kind", json: #"{"kkNumber":"\#(kk)","kind":"meteor","occurredOn":"2027-02-01"}"#),
            // Files: CSV with broken quoting, bad JSON Lines.
            BadRequest("social-aid", "POST", "/v1/households/import", 400, "CSV with broken quoting (a quote never closed)", body: Data((Households.csvHeader + "3509310000800060,3509315501600061,\"Sukmawati Kepala,Dusun Krajan,35.09.31.2001,3,1;2,SM\n3509310000800061,3509315501600062,Sukmawati,Dusun Krajan,35.09.31.2001,3,1;2,SM\n").utf8), contentType: "text/csv"),
            BadRequest("social-aid", "POST", "/v1/households/import", 400, "CSV without the required columns", body: Data("name,village\nBudi,Krajan\n".utf8), contentType: "text/csv"),
            BadRequest("social-aid", "POST", "/v1/households/import", 400, "empty CSV", body: Data(), contentType: "text/csv"),
            BadRequest("social-aid", "POST", "/v1/bulk", 400, "bulk: one JSON array instead of JSON Lines", body: Data(#"[{"kind":"assessment","kkNumber":"\#(kk)"}]"#.utf8), contentType: "application/x-ndjson"),
            BadRequest("social-aid", "POST", "/v1/bulk", 415, "bulk: a CSV body", body: Data("kind,kkNumber\nassessment,\(kk)\n".utf8), contentType: "text/csv"),
            BadRequest("social-aid", "POST", "/v1/bulk", 413, "bulk: a line over 1 MiB", body: longLine, contentType: "application/x-ndjson"),
            // The other clusters.
            BadRequest("empowerment", "POST", "/v1/referrals", 422, "referral to an unknown cluster", json: #"{"kkNumber":"\#(kk)","toCluster":"army","reason":"x"}"#),
            BadRequest("empowerment", "POST", "/v1/enrolments", 422, "unknown programme at empowerment", json: #"{"kkNumber":"\#(kk)","programme":"pkh","startedOn":"2027-02-01"}"#),
            BadRequest("umkm", "POST", "/v1/enterprises", 422, "enterprise with an invalid owner NIK", json: #"{"kkNumber":"\#(kk)","ownerNIK":"123","name":"Warung","sector":"trade","startedOn":"2026-01-01"}"#),
            BadRequest("umkm", "POST", "/v1/loans", 422, "loan for an enterprise id that is no UUID", json: #"{"enterpriseId":"../../x","amountRupiah":5000000,"termMonths":12,"appliedOn":"2027-02-01"}"#),
            BadRequest("umkm", "GET", "/v1/loans/%2E%2E%2F%2E%2E%2Fetc", 422, "path traversal in a loan id"),
            BadRequest("low-cost", "POST", "/v1/enrolments", 422, "eligibility breach: RTLH renovation for a Hampir Miskin household", json: #"{"kkNumber":"\#(kk)","programme":"rtlh","startedOn":"2027-02-01"}"#),
            BadRequest("low-cost", "POST", "/v1/households/\(kk)/graduation", 422, "graduation with a malformed date", json: #"{"reason":"x","graduatedOn":"yesterday"}"#),
            // The coordinator's read API.
            BadRequest("coordinator", "GET", "/v1/overview?region=36", 422, "overview of a region outside East Java"),
            BadRequest("coordinator", "GET", "/v1/overview?depth=99", 422, "overview depth out of range"),
            BadRequest("coordinator", "GET", "/v1/gaps?status=kaya", 422, "gaps with an unknown status"),
            BadRequest("coordinator", "GET", "/v1/gaps?limit=100000", 422, "gaps with limit out of range"),
            BadRequest("coordinator", "GET", "/v1/progress?from=2027-13", 422, "progress from month 13"),
            BadRequest("coordinator", "GET", "/v1/households/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", 422, "path traversal in a household"),
        ]
    }

    /// Sends every bad request of ``badRequests``; each must get its 4xx as a problem
    /// document, and no store may change.
    static func sendBadRequests(_ system: FaultSystem, verdict: Verdict) async throws -> (sent: Int, refused: Int) {
        var refused = 0
        for request in try badRequests {
            let answer = try await DevHTTP.send(
                request.method, system.url(request.service) + request.path, token: system.token(request.service), body: request.body,
                contentType: request.contentType)
            let problem = answer.object
            let isProblem = answer.contentType.hasPrefix("application/problem+json") && problem["code"] is String && problem["detail"] is String
            verdict.check(answer.status == request.status, "\(request.service) \(request.method) \(request.path.prefix(60)) (\(request.what)): \(answer.status), expected \(request.status): \(answer.text.prefix(200))")
            verdict.check(isProblem, "\(request.what): not a problem document (\(answer.contentType)): \(answer.text.prefix(200))")
            if (400..<500).contains(answer.status) && isProblem { refused += 1 }
        }
        return (try badRequests.count, refused)
    }
}
