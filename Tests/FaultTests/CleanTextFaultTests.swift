import EntasDev
import EntasTestKit
import Foundation
import Testing

extension Faults.API {
    // MARK: Clean text

    /// A NUL in one field and a right-to-left override (U+202E) in another, at every write route of every
    /// service, in a bulk line and in a CSV row: 422 `invalid-field` naming the field (the line or row rejected
    /// naming it), and no table but the trail changes.
    func cleanTextAtEveryRoute(_ system: FaultSystem) async throws {
        let start = ContinuousClock.now
        let verdict = Verdict()
        var sent = 0, refused = 0
        for name in Self.services {
            let admin = try await Self.createToken(system, name, tokenName: "faults-text", region: "35", verdict: verdict)
            let ids = try Self.recordIDs(system, name)
            let before = try StoreReader.dump(system.database(name), skipping: ["auditEntry", "serviceToken"])
            for (method, path) in try await Self.routes(of: system.url(name)) where method != "GET" && path.hasPrefix("/v1/") {
                let url = system.url(name) + Self.bind(path, ids: ids)
                for (field, text) in [("headName", "Siti\u{0}Aminah"), ("note", "uji \u{202E}1")] {
                    sent += 1
                    let answer: DevHTTP.Answer
                    var expectedField = field
                    switch path {
                    case "/v1/bulk":
                        let line = #"{"kind":"assessment","kkNumber":"\#(Households.kk(Self.sweptNumber))","status":"miskin","criteriaMet":[],"assessedOn":"2026-06-01","assessor":"\#(Self.jsonEscaped(text))"}"#
                        answer = try await DevHTTP.send(method, url, token: admin, body: Data((line + "\n").utf8), contentType: "application/x-ndjson")
                        expectedField = "assessor"
                    case "/v1/households/import":
                        let row = "\(Households.kk(800_900)),\(Households.nik(800_900)),\(text),Dusun Krajan,35.09.31.2001,4,1;2\n"
                        answer = try await DevHTTP.send(
                            method, url, token: admin, body: Data(("kkNumber,headNIK,headName,address,desaCode,memberCount,criteriaMet\n" + row).utf8),
                            contentType: "text/csv")
                        expectedField = "headName"
                    case "/v1/households/members/import":
                        let row = Households.memberCSVRow(Self.sweptNumber, name: text.contains(",") ? "x" : text)
                        answer = try await DevHTTP.send(
                            method, url, token: admin, body: Data((Households.memberCSVHeader + row).utf8), contentType: "text/csv")
                        expectedField = "name"
                    default:
                        var body = try Self.body(service: name, path: path)
                        body["enterpriseId"] = ids["enterprises"]
                        body[field] = text
                        answer = try await DevHTTP.send(method, url, token: admin, body: try JSONSerialization.data(withJSONObject: body))
                    }
                    let object = answer.object
                    let rejection = (object["rejections"] as? [[String: Any]])?.first
                    let named = answer.status == 422 && object["code"] as? String == "invalid-field" && object["field"] as? String == expectedField
                    let rejected = answer.status == 200 && object["rejected"] as? Int == 1 && rejection?["field"] as? String == expectedField
                    if named || rejected {
                        refused += 1
                    } else {
                        verdict.check(false, "\(name) \(method) \(path) with \(field) holding \(text.unicodeScalars.map { String($0.value, radix: 16) }): \(answer.status) \(answer.text.prefix(200))")
                    }
                }
            }
            let after = try StoreReader.dump(system.database(name), skipping: ["auditEntry", "serviceToken"])
            let changed = after.keys.filter { before[$0] != after[$0] }.sorted()
            verdict.check(changed.isEmpty, "\(name): text refused changed \(changed)")
        }
        verdict.check(sent > 150, "only \(sent) requests")
        FaultSummary.shared.record(
            "control and bidi characters in text, every write route", events: sent, lost: sent - refused,
            note: "a NUL (headName) and U+202E (note) at every write route of 5 services, in a bulk line and a CSV row: \(refused) answered 422 naming the field (or the line/row rejected naming it); nothing stored",
            since: start, passed: verdict.passed)
    }

    /// `text` inside a JSON string: a NUL or an override as `\u` escapes.
    static func jsonEscaped(_ text: String) -> String {
        text.unicodeScalars.map { $0.value < 0x20 || $0.value > 0x7E ? String(format: "\\u%04x", $0.value) : String($0) }.joined()
    }
}
