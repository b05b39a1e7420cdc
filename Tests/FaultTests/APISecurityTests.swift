import Foundation
import Testing

extension Faults.API {
    // MARK: Tokens

    /// Routes that need no token, by design: operations (`/health`, `/metrics`,
    /// `/openapi.json`) and the coordinator's sign-in pages. Dashboard pages need a session.
    static let open: Set<String> = ["GET /health", "GET /metrics", "GET /openapi.json", "GET /login", "POST /login", "POST /logout"]
    static let dashboardPages: Set<String> = ["GET /", "GET /regions/{code}", "GET /regions/{code}/cycle", "GET /regions/{code}/cycle/report"]

    func tokens(_ system: FaultSystem) async throws {
        let start = ContinuousClock.now
        let verdict = Verdict()
        var routes = 0, protected = 0, refused = 0
        for name in Self.services {
            let url = system.url(name)
            let other = system.token(name == "coordinator" ? "social-aid" : "coordinator")
            let unknown = "entas.\(name).AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            for (method, path) in try await Self.routes(of: url) {
                routes += 1
                let route = "\(method) \(path)"
                let concrete = Self.concrete(path)
                if Self.open.contains(route) { continue }
                protected += 1
                if Self.dashboardPages.contains(route) {
                    let answer = try await HTTPClient.send(method, url + concrete, followRedirects: false)
                    verdict.check((300..<400).contains(answer.status) && answer.location.hasPrefix("/login"), "\(name) \(route) without a session: \(answer.status) \(answer.location)")
                    refused += 1
                    continue
                }
                verdict.check(path.hasPrefix("/v1/"), "\(name) \(route) is outside /v1 and not a known open route")
                let body = method == "GET" ? nil : Data("{}".utf8)
                let none = try await HTTPClient.send(method, url + concrete, body: body)
                verdict.check(none.status == 401 && none.object["code"] as? String == "missing-token", "\(name) \(route) without a token: \(none.status)")
                let wrong = try await HTTPClient.send(method, url + concrete, token: unknown, body: body)
                verdict.check(wrong.status == 401, "\(name) \(route) with an unknown token: \(wrong.status)")
                let foreign = try await HTTPClient.send(method, url + concrete, token: other, body: body)
                verdict.check(foreign.status == 403 && foreign.object["code"] as? String == "wrong-service", "\(name) \(route) with another service's token: \(foreign.status)")
                if none.status == 401 && wrong.status == 401 && foreign.status == 403 { refused += 1 }
            }
        }
        verdict.check(routes > 60, "only \(routes) routes in the OpenAPI documents")

        // Revocation takes effect at the next request, and tokens are stored only hashed.
        let database = system.database("social-aid")
        let created = try ServiceProcess.run("entas-social-aid", ["token", "create", "--name", "revocation-check", "--database", database])
        let token = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let url = system.url("social-aid") + "/v1/households?limit=1"
        let before = try await HTTPClient.send("GET", url, token: token)
        let revoked = try ServiceProcess.run("entas-social-aid", ["token", "revoke", "--name", "revocation-check", "--database", database])
        let after = try await HTTPClient.send("GET", url, token: token)
        verdict.check(before.status == 200 && revoked.status == 0 && after.status == 401, "revocation: \(before.status) before, \(after.status) at the first request after `token revoke`")
        var stored = false
        for name in Self.services {
            for file in Probes.storeFiles(system.database(name)) {
                let bytes = FileManager.default.contents(atPath: file.path) ?? Data()
                stored = stored || bytes.range(of: Data(system.token(name).utf8)) != nil || bytes.range(of: Data(token.utf8)) != nil
            }
        }
        verdict.check(!stored, "a raw token is in a store file")
        let integrity = verdict.checkIntegrity(of: system, after: "the token checks")
        FaultSummary.shared.record(
            "tokens on every route", events: routes, lost: protected - refused,
            note: "\(refused) protected routes: 401 without or with an unknown token, 403 with another service's; revoked → 401 at once; stores hold hashes only; \(integrity)",
            since: start, passed: verdict.passed)
    }

    /// `(method, path)` of every operation in a service's `/openapi.json`.
    static func routes(of url: String) async throws -> [(String, String)] {
        let document = try await HTTPClient.send("GET", url + "/openapi.json").object
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        return paths.flatMap { path, operations in operations.keys.map { ($0.uppercased(), path) } }.sorted { $0.1 + $0.0 < $1.1 + $1.0 }
    }

    /// A path with sample values for its parameters.
    static func concrete(_ path: String) -> String {
        path.replacingOccurrences(of: "{kk}", with: Faults.knownKK).replacingOccurrences(of: "{code}", with: "35.09")
            .replacingOccurrences(of: "{id}", with: "8f0d7a2e-1c3b-4d5e-9f60-7a8b9c0d1e2f")
    }

    // MARK: NIK

    /// The head's NIK in full only at the service that registered the household.
    func nikMasking(_ system: FaultSystem) async throws {
        let start = ContinuousClock.now
        let verdict = Verdict()
        let identifiers = Set(Self.households.map(Households.nik))
        var shown = 0
        for name in Self.services {
            let path = name == "coordinator" ? "/v1/households/\(Faults.knownKK)" : "/v1/households?limit=100"
            let answer = try await HTTPClient.send("GET", system.url(name) + path, token: system.token(name))
            verdict.check(answer.status == 200, "\(name) \(path): \(answer.status)")
            let full = identifiers.filter { answer.text.contains($0) }.count
            if name == "social-aid" {
                verdict.check(full == Self.households.count, "the registering service shows \(full) of \(Self.households.count) NIKs in full")
            } else {
                verdict.check(full == 0, "\(name) shows \(full) full NIKs of households social aid registered")
                shown += full
            }
            if name != "coordinator" && name != "social-aid" {
                verdict.check(answer.text.contains("350931******"), "\(name) shows no masked NIK")
            }
        }
        let integrity = verdict.checkIntegrity(of: system, after: "the NIK checks")
        FaultSummary.shared.record(
            "NIK masked at the other services", events: Self.households.count * 4, lost: 0, duplicated: shown,
            note: "full at social aid (registered them), 350931******nnnn at the other clusters, none at the coordinator; \(integrity)", since: start,
            passed: verdict.passed)
    }
}
