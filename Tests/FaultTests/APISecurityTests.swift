import EntasDev
import Foundation
import Testing

extension Faults.API {
    // MARK: Tokens

    /// Routes that need no token, by design: operations (`/health`, `/metrics`,
    /// `/openapi.json`) and the coordinator's sign-in pages. Dashboard pages need a session.
    static let open: Set<String> = ["GET /health", "GET /metrics", "GET /openapi.json", "GET /login", "POST /login", "POST /logout", "GET /language/{code}"]
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
                    let answer = try await DevHTTP.send(method, url + concrete, client: DevHTTP.noRedirects)
                    verdict.check((300..<400).contains(answer.status) && answer.location.hasPrefix("/login"), "\(name) \(route) without a session: \(answer.status) \(answer.location)")
                    refused += 1
                    continue
                }
                verdict.check(path.hasPrefix("/v1/"), "\(name) \(route) is outside /v1 and not a known open route")
                let body = method == "GET" ? nil : Data("{}".utf8)
                let none = try await DevHTTP.send(method, url + concrete, body: body)
                verdict.check(none.status == 401 && none.object["code"] as? String == "missing-token", "\(name) \(route) without a token: \(none.status)")
                let wrong = try await DevHTTP.send(method, url + concrete, token: unknown, body: body)
                verdict.check(wrong.status == 401, "\(name) \(route) with an unknown token: \(wrong.status)")
                let foreign = try await DevHTTP.send(method, url + concrete, token: other, body: body)
                verdict.check(foreign.status == 403 && foreign.object["code"] as? String == "wrong-service", "\(name) \(route) with another service's token: \(foreign.status)")
                if none.status == 401 && wrong.status == 401 && foreign.status == 403 { refused += 1 }
            }
        }
        verdict.check(routes > 60, "only \(routes) routes in the OpenAPI documents")

        // Revocation takes effect at the next request, and tokens are stored only hashed.
        let database = system.database("social-aid")
        let created = try await OneShotCommand.outcome(built: "entas-social-aid", ["token", "create", "--name", "revocation-check", "--database", database])
        let token = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let url = system.url("social-aid") + "/v1/households?limit=1"
        let before = try await DevHTTP.send("GET", url, token: token)
        let revoked = try await OneShotCommand.outcome(built: "entas-social-aid", ["token", "revoke", "--name", "revocation-check", "--database", database])
        let after = try await DevHTTP.send("GET", url, token: token)
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

    /// A protected route of each service, to try every service's token on.
    static func protectedRoute(of name: String) -> String {
        name == "coordinator" ? "/v1/households/\(Faults.knownKK)" : "/v1/households?limit=1"
    }

    /// The token of every service at every other service (20 ordered pairs): 403
    /// `wrong-service`; each service's own token at the same route: 200.
    func tokensOfEveryOtherService(_ system: FaultSystem) async throws {
        let start = ContinuousClock.now
        let verdict = Verdict()
        var pairs = 0, refused = 0, admitted = 0
        for target in Self.services {
            let url = system.url(target) + Self.protectedRoute(of: target)
            for holder in Self.services {
                let answer = try await DevHTTP.send("GET", url, token: system.token(holder))
                let code = answer.object["code"] as? String
                if holder == target {
                    verdict.check(answer.status == 200, "\(target) \(Self.protectedRoute(of: target)) with its own token: \(answer.status) \(answer.text.prefix(200))")
                    if answer.status == 200 { admitted += 1 }
                    continue
                }
                pairs += 1
                verdict.check(answer.status == 403 && code == "wrong-service", "\(holder)'s token at \(target): \(answer.status) \(code ?? answer.text.prefix(200).description)")
                if answer.status == 403 && code == "wrong-service" { refused += 1 }
            }
        }
        verdict.check(pairs == Self.services.count * (Self.services.count - 1), "\(pairs) ordered pairs")
        let integrity = verdict.checkIntegrity(of: system, after: "the cross-service tokens")
        FaultSummary.shared.record(
            "tokens of every other service (\(pairs) pairs)", events: pairs, lost: pairs - refused,
            note: "\(refused) answered 403 wrong-service; own token 200 at \(admitted) of \(Self.services.count); \(integrity)",
            since: start, passed: verdict.passed)
    }

    /// `(method, path)` of every operation in a service's `/openapi.json`.
    static func routes(of url: String) async throws -> [(String, String)] {
        let document = try await DevHTTP.send("GET", url + "/openapi.json").object
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        return paths.flatMap { path, operations in operations.keys.map { ($0.uppercased(), path) } }.sorted { $0.1 + $0.0 < $1.1 + $1.0 }
    }

    /// A path with sample values for its parameters.
    static func concrete(_ path: String) -> String {
        path.replacingOccurrences(of: "{kk}", with: Faults.knownKK).replacingOccurrences(of: "{code}", with: "35.09")
            .replacingOccurrences(of: "{id}", with: "8f0d7a2e-1c3b-4d5e-9f60-7a8b9c0d1e2f")
    }

    // MARK: NIK

    /// The head's NIK in full only at the service that registered the household (social aid),
    /// masked (`350931******nnnn`) at the other clusters, absent at the coordinator: in each
    /// cluster's list and in every household's own page at every service.
    func nikMasking(_ system: FaultSystem) async throws {
        let start = ContinuousClock.now
        let verdict = Verdict()
        var reads = 0, missing = 0, shown = 0
        /// One answer about the households `numbers`: what it must and must not show.
        func expect(_ answer: DevHTTP.Answer, at name: String, _ what: String, numbers: [Int]) {
            reads += numbers.count
            verdict.check(answer.status == 200, "\(name) \(what): \(answer.status) \(answer.text.prefix(200))")
            for number in numbers {
                let nik = Households.nik(number), masked = String(nik.prefix(6)) + "******" + String(nik.suffix(4))
                let full = answer.text.contains(nik)
                switch name {
                case "social-aid":
                    verdict.check(full, "\(name) \(what): the registering service does not show NIK \(masked) in full")
                    if !full { missing += 1 }
                case "coordinator":
                    verdict.check(!full, "\(name) \(what) shows a full NIK")
                    if full { shown += 1 }
                default:
                    verdict.check(!full, "\(name) \(what) shows the full NIK of a household social aid registered")
                    verdict.check(answer.text.contains(masked), "\(name) \(what) does not show the masked NIK \(masked)")
                    if full { shown += 1 }
                    if !answer.text.contains(masked) { missing += 1 }
                }
            }
        }
        for name in Self.services {
            let url = system.url(name), token = system.token(name)
            if name != "coordinator" {
                expect(try await DevHTTP.send("GET", url + "/v1/households?limit=100", token: token), at: name, "GET /v1/households", numbers: Self.households)
            }
            for number in Self.households {
                let path = "/v1/households/\(Households.kk(number))"
                expect(try await DevHTTP.send("GET", url + path, token: token), at: name, "GET /v1/households/{kk}", numbers: [number])
            }
        }
        let integrity = verdict.checkIntegrity(of: system, after: "the NIK checks")
        FaultSummary.shared.record(
            "NIK masked at the other services", events: reads, lost: missing, duplicated: shown,
            note: "list and GET /v1/households/{kk}: full at social aid (registered them), 350931******nnnn at the other clusters, none at the coordinator; \(integrity)",
            since: start, passed: verdict.passed)
    }
}
