import EntasDev
import EntasDomain
import EntasTestKit
import Foundation
import GRDB
import Testing

extension Faults.API {
    // MARK: Region-scoped tokens

    /// The region of the scoped operator: Kecamatan Jombang of Jember (35.09.01), beside Sumberjambe (35.09.31),
    /// where every household of the run lives.
    static let otherKecamatan = "35.09.01"
    /// The household the records of the sweep belong to: 800,000, Sangat Miskin, 11 criteria met.
    static let sweptNumber = 800_000

    /// A token of another kecamatan (admin role, so nothing is refused for its role) at every route of every
    /// service, with every path bound to a real record of a household outside it and every write given a body
    /// its decoder takes: each record is 403 `outside-region`, each list and count holds none of the run's
    /// households (no name, NIK, KK, masked KK or desa of theirs), nothing is published or stored but the
    /// trail. A token of their kabupaten (35.09) still sees them all.
    func regionScopedTokens(_ system: FaultSystem) async throws {
        let start = ContinuousClock.now
        let verdict = Verdict()
        try await Self.makeRecords(system, verdict: verdict)
        var routes = 0, refused = 0, lists = 0
        var notRefused: [String] = []
        let markers = Self.households.flatMap { number in
            [Households.kk(number), Households.nik(number), Households.name(number), Self.masked(Households.kk(number))]
        }
        for name in Self.services {
            let scoped = try await Self.createToken(system, name, tokenName: "faults-jombang", region: Self.otherKecamatan, verdict: verdict)
            let ids = try Self.recordIDs(system, name)
            let before = try StoreReader.dump(system.database(name), skipping: ["auditEntry"])
            for (method, path) in try await Self.routes(of: system.url(name)) where Self.isSwept(path) {
                routes += 1
                let concrete = Self.bind(path, ids: ids)
                let answer = try await Self.send(method, path, system.url(name) + concrete, token: scoped, service: name, ids: ids)
                let leaked = markers.filter { answer.text.contains($0) }
                verdict.check(leaked.isEmpty, "\(name) \(method) \(concrete): the answer names \(leaked.count) households of another region: \(answer.text.prefix(300))")
                let code = answer.object["code"] as? String
                if method == "GET" && !path.contains("{") {
                    // A list or a view: filtered to the token's region, never the run's households.
                    lists += 1
                    // (The worklist needs its region: 422.)
                    let expected = (200..<400).contains(answer.status) || (path == "/v1/worklist" && answer.status == 422)
                    verdict.check(expected, "\(name) GET \(path) with a regional token: \(answer.status) \(answer.text.prefix(200))")
                    verdict.check(
                        answer.status >= 400 || !answer.text.contains("35.09.31"),
                        "\(name) GET \(path): Sumberjambe's data in a Jombang token's answer: \(answer.text.prefix(300))")
                    if path != "/" {
                        let asked = try await DevHTTP.send(method, system.url(name) + path + "?region=35.09.31", token: scoped)
                        let askedCode = asked.object["code"] as? String
                        verdict.check(
                            (asked.status == 403 && askedCode == "outside-region") || ((200..<300).contains(asked.status) && !asked.text.contains("35.09.31")),
                            "\(name) GET \(path)?region=35.09.31 with a Jombang token: \(asked.status) \(asked.text.prefix(200))")
                        verdict.check(markers.allSatisfy { !asked.text.contains($0) }, "\(name) GET \(path)?region=35.09.31 names households")
                    }
                } else if Self.isRefusal(answer, method, path) {
                    refused += 1
                } else {
                    notRefused.append("\(name) \(method) \(path) → \(answer.status) \(code ?? "")")
                }
            }
            let after = try StoreReader.dump(system.database(name), skipping: ["auditEntry"])
            let changed = before.keys.filter { before[$0] != after[$0] }.sorted()
            verdict.check(changed.isEmpty, "\(name): a regional token's requests changed \(changed)")
        }
        verdict.check(notRefused.isEmpty, "routes a Jombang token reached with Sumberjambe's records: \(notRefused.joined(separator: "; "))")
        verdict.check(routes > 100, "only \(routes) routes swept")
        // The same households once the operator's tokens are scoped to their kabupaten (`token scope`).
        let jombang = try await Self.createToken(system, "social-aid", tokenName: "faults-moved", region: Self.otherKecamatan, verdict: verdict)
        let executable = FaultSystem.executables["social-aid"] ?? ""
        let scoped = try await OneShotCommand.outcome(
            built: executable, ["token", "scope", "--name", "faults-moved", "--region", "35.09", "--database", system.database("social-aid")])
        let listed = try await OneShotCommand.outcome(built: executable, ["token", "list", "--database", system.database("social-aid")])
        let refusedScope = try await OneShotCommand.outcome(
            built: executable, ["token", "scope", "--name", "faults-moved", "--region", "35.09.31.2001", "--database", system.database("social-aid")])
        verdict.check(
            scoped.status == 0 && listed.output.contains("faults-moved\tadmin\t35.09\t") && refusedScope.status != 0
                && refusedScope.output.contains("not a desa"),
            "token scope: \(scoped.output.prefix(200)); list: \(listed.output.prefix(400)); a desa: \(refusedScope.output.prefix(200))")
        let seen = try await DevHTTP.send("GET", system.url("social-aid") + "/v1/households?limit=100", token: jombang).object["total"] as? Int
        verdict.check(seen == Self.households.count, "a token scoped to Jember sees \(seen ?? -1) of the \(Self.households.count) households")
        let coordinatorJember = try await Self.createToken(system, "coordinator", tokenName: "faults-jember", region: "35.09", verdict: verdict)
        let overview = try await DevHTTP.send("GET", system.url("coordinator") + "/v1/overview", token: coordinatorJember).object
        let region = overview["region"] as? [String: Any]
        let households = (region?["totals"] as? [String: Any])?["households"] as? Int
        verdict.check(
            region?["code"] as? String == "35.09" && (households ?? 0) >= Self.households.count,
            "a Jember token's overview: \(String(describing: region?["code"])) with \(households ?? -1) households")
        FaultSummary.shared.record(
            "region-scoped token at every route", events: routes, lost: notRefused.count,
            note: "a Jombang (35.09.01) admin token at \(routes) routes of 5 services with Sumberjambe's records: \(refused) answered 403 outside-region, "
                + "\(lists) lists and views held none of them (nor with ?region=35.09.31), nothing published or stored; scoped to Jember by `token scope`, a token sees all \(Self.households.count)",
            since: start, passed: verdict.passed)
    }

    /// How a route refuses a record outside the token's region: 403 `outside-region` (a dashboard page: 403);
    /// at a cluster that may not verify, 403 `verifier-not-allowed` first; the bulk route and the import answer
    /// 200 with the line or row rejected as outside the region, the flag lookup 200 with no flag.
    static func isRefusal(_ answer: DevHTTP.Answer, _ method: String, _ path: String) -> Bool {
        let object = answer.object
        let code = object["code"] as? String
        switch (answer.status, path) {
        case (403, _) where code == "outside-region" || code == "verifier-not-allowed" || !path.hasPrefix("/v1/"): return true
        case (200, "/v1/bulk"):
            let rejection = (object["rejections"] as? [[String: Any]])?.first
            return object["applied"] as? Int == 0 && object["rejected"] as? Int == 1 && rejection?["code"] as? String == "outside-region"
        case (200, "/v1/households/members/import"):
            let reason = ((object["rejections"] as? [[String: Any]])?.first?["reason"] as? String) ?? ""
            return object["updated"] as? Int == 0 && object["unchanged"] as? Int == 0 && object["rejected"] as? Int == 1
                && reason.contains("outside this token's region")
        case (200, "/v1/households/import"):
            let reason = ((object["rejections"] as? [[String: Any]])?.first?["reason"] as? String) ?? ""
            return object["created"] as? Int == 0 && object["updated"] as? Int == 0 && object["unchanged"] as? Int == 0
                && object["rejected"] as? Int == 1 && reason.contains("outside this token's region")
        case (200, "/v1/flags"): return (object["items"] as? [Any])?.isEmpty == true
        default: return false
        }
    }

    /// The `/v1` routes and the dashboard's region pages (sign-in, health, metrics and the route table are the same for all).
    static func isSwept(_ path: String) -> Bool {
        path.hasPrefix("/v1/") || path == "/" || path.hasPrefix("/regions/")
    }

    /// `path` with its parameters bound: the swept household, this service's records of it, its kecamatan.
    static func bind(_ path: String, ids: [String: String]) -> String {
        let resource = path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
        return path.replacingOccurrences(of: "{kk}", with: Households.kk(sweptNumber)).replacingOccurrences(of: "{code}", with: "35.09.31")
            .replacingOccurrences(of: "{nik}", with: Households.nik(sweptNumber))
            .replacingOccurrences(of: "{id}", with: ids[resource] ?? "8f0d7a2e-1c3b-4d5e-9f60-7a8b9c0d1e2f")
    }

    /// Sends a request with the body its route takes: JSON Lines to the bulk route, a CSV to the import, else the
    /// JSON object of ``body(service:)``.
    static func send(
        _ method: String, _ path: String, _ url: String, token: String, service: String, ids: [String: String]
    ) async throws -> DevHTTP.Answer {
        guard method != "GET" else { return try await DevHTTP.send(method, url, token: token) }
        if path == "/v1/bulk" {
            let line = #"{"kind":"assessment","kkNumber":"\#(Households.kk(sweptNumber))","status":"miskin","criteriaMet":[],"assessedOn":"2026-06-01","assessor":"tim"}"#
            return try await DevHTTP.send(method, url, token: token, body: Data((line + "\n").utf8), contentType: "application/x-ndjson")
        }
        if path == "/v1/households/import" {
            let csv = Households.csvHeader + Households.csvRow(sweptNumber)
            return try await DevHTTP.send(method, url, token: token, body: Data(csv.utf8), contentType: "text/csv")
        }
        if path == "/v1/households/members/import" {
            let csv = Households.memberCSVHeader + Households.memberCSVRow(sweptNumber)
            return try await DevHTTP.send(method, url, token: token, body: Data(csv.utf8), contentType: "text/csv")
        }
        var object = try body(service: service, path: path)
        object["enterpriseId"] = ids["enterprises"]
        return try await DevHTTP.send(method, url, token: token, body: try JSONSerialization.data(withJSONObject: object))
    }

    /// One JSON object with a good value for every field of every request body of the services (decoders ignore
    /// the fields they do not read), all about the swept household, its desa and its kecamatan.
    static func body(service: String, path: String) throws -> [String: Any] {
        let number = sweptNumber
        let registration = try JSONSerialization.jsonObject(with: JSONBody.json(try Households.registration(number))) as? [String: Any] ?? [:]
        let day = "2026-06-01"
        let kind = switch service {
        case "social-aid": "illness"
        case "empowerment": path.hasPrefix("/v1/projects") ? "infrastructure" : "ksm"
        default: "savingsAndLoan"
        }
        let programme = switch service {
        case "social-aid": "rastra"
        case "empowerment": "musrenbang"
        case "umkm": "training"
        default: "rtlh"
        }
        let ring = ["social-aid": "communityEmpowerment", "empowerment": "enterprise", "umkm": "lowCost", "low-cost": "socialAid"]
        return registration.merging([
            "ownerNIK": Households.nik(number), "name": "Usaha Uji", "title": "Pelatihan Uji",
            "status": "miskin", "assessedOn": day, "assessor": "tim", "graduatedOn": day, "reason": "uji",
            "programme": programme, "startedOn": day, "endedOn": "2026-07-01", "amountRupiah": 500_000, "period": "2026-06",
            "deliveredOn": day, "toCluster": ring[service] ?? "socialAid", "note": "uji", "answeredOn": day,
            "regionCode": "35.09.31", "households": 10, "deliveries": 10, "budgetRupiah": 10_000_000, "madeOn": day,
            "caseID": "8f0d7a2e-1c3b-4d5e-9f60-7a8b9c0d1e2f", "verifiedOn": day, "verifier": "tim", "minutesReference": "BA-01",
            "requestedOn": day, "areaCode": "35.09.31", "team": "tim", "assignedOn": day,
            "kind": kind, "endsOn": "2026-12-31", "joinedOn": day, "on": "2026-07-01", "sector": "agriculture", "termMonths": 12,
            "appliedOn": day, "approvedOn": day, "rejectedOn": day, "disbursedOn": day, "paidOn": "2026-07-01", "heldOn": day,
            "occurredOn": day, "stage": "survey", "reachedOn": day, "year": 2026, "smRemaining": 100,
            "kkNumbers": [Households.kk(number)],
            // A member (its head) and why one leaves: members and departures.
            "nik": Households.nik(number), "relationship": "head", "sex": "male",
            "birthDate": "19\(Households.nik(number).dropFirst(10).prefix(2))-07-\(Households.nik(number).dropFirst(6).prefix(2))",
        ]) { $1 }.merging(path.hasSuffix("/departure") ? ["reason": "movedOut"] : [:]) { $1 }
    }

    /// The swept household's records at every cluster, made with each service's own (province-wide) token through
    /// the same bodies: an enrolment, a referral to the next cluster, a commitment, and each cluster's own
    /// records (a shock; a group and a project with it as member; an enterprise, a loan, a training it attended
    /// and a cooperative; a work). Waits until each referral has reached the cluster it was made to.
    static func makeRecords(_ system: FaultSystem, verdict: Verdict) async throws {
        let order = ["/v1/enterprises", "/v1/loans", "/v1/trainings", "/v1/enrolments", "/v1/referrals", "/v1/commitments",
                     "/v1/shocks", "/v1/groups", "/v1/projects", "/v1/cooperatives"]
        for name in FaultSystem.clusters {
            let token = system.token(name)
            let offered = Set(try await routes(of: system.url(name)).map { "\($0.0) \($0.1)" })
            // Miskin with every criterion at each cluster, so every programme's rule lets it in.
            let assessment: [String: Any] = ["status": "miskin", "criteriaMet": Households.criteria, "assessedOn": "2026-05-01", "assessor": "tim"]
            let assessed = try await DevHTTP.send(
                "POST", system.url(name) + "/v1/households/\(Households.kk(sweptNumber))/assessments", token: token,
                body: try JSONSerialization.data(withJSONObject: assessment))
            verdict.check(assessed.status == 201, "\(name): assessing the swept household: \(assessed.status) \(assessed.text.prefix(200))")
            for path in order where offered.contains("POST \(path)") {
                var body = try body(service: name, path: path)
                if path == "/v1/loans" { body["enterpriseId"] = try recordIDs(system, name)["enterprises"] }
                let answer = try await DevHTTP.send("POST", system.url(name) + path, token: token, body: try JSONSerialization.data(withJSONObject: body))
                verdict.check(answer.status == 201, "\(name) POST \(path) for the sweep: \(answer.status) \(answer.text.prefix(300))")
            }
            let ids = try recordIDs(system, name)
            for members in ["/v1/groups/{id}/members", "/v1/projects/{id}/members", "/v1/cooperatives/{id}/members", "/v1/trainings/{id}/attendance"]
            where offered.contains("POST \(members)") {
                let answer = try await DevHTTP.send(
                    "POST", system.url(name) + bind(members, ids: ids), token: token,
                    body: try JSONSerialization.data(withJSONObject: try body(service: name, path: members)))
                verdict.check(answer.status == 201, "\(name) POST \(members) for the sweep: \(answer.status) \(answer.text.prefix(300))")
            }
        }
        try await eventually("the referrals reached the clusters they were made to", timeout: .seconds(60), every: .milliseconds(300)) {
            try FaultSystem.clusters.allSatisfy { name in
                try StoreReader.count(system.database(name), "SELECT COUNT(*) FROM referral WHERE toCluster = ?", [clusterName(name)]) > 0
            }
        }
    }

    /// The identifier of one record of each kind at a service, by the route segment that names it (a referral made
    /// to it when there is one, so it may answer it).
    static func recordIDs(_ system: FaultSystem, _ name: String) throws -> [String: String] {
        guard name != "coordinator" else { return [:] }
        let queries = [
            "enrolments": "SELECT id FROM enrolment ORDER BY startedOn LIMIT 1",
            "referrals": "SELECT id FROM referral ORDER BY toCluster = '\(clusterName(name))' DESC LIMIT 1",
            "commitments": "SELECT commitmentID FROM commitmentRevision LIMIT 1",
            "shocks": "SELECT id FROM shock LIMIT 1", "enterprises": "SELECT id FROM enterprise LIMIT 1",
            "loans": "SELECT id FROM loan LIMIT 1", "trainings": "SELECT id FROM training LIMIT 1",
            "groups": "SELECT id FROM communityGroup LIMIT 1", "projects": "SELECT id FROM villageProject LIMIT 1",
            "cooperatives": "SELECT id FROM cooperative LIMIT 1",
        ]
        return try StoreReader.read(system.database(name)) { db in
            var ids: [String: String] = [:]
            for (segment, sql) in queries where try db.tableExists(tableName(of: sql)) {
                ids[segment] = try String.fetchOne(db, sql: sql)
            }
            return ids
        }
    }

    static func tableName(of sql: String) -> String {
        sql.components(separatedBy: " FROM ").last?.split(separator: " ").first.map(String.init) ?? ""
    }

    /// The cluster's name in events (`socialAid`) from its service's (`social-aid`).
    static func clusterName(_ service: String) -> String {
        ["social-aid": "socialAid", "empowerment": "communityEmpowerment", "umkm": "enterprise", "low-cost": "lowCost"][service] ?? service
    }

    /// `350931******0003` for `3509310000800003`, as the coordinator's lists show a KK.
    static func masked(_ kk: String) -> String { IdentityNumberMask.mask(kk) }

    /// Issues `tokenName` an admin token of `region` at `service` with its executable.
    static func createToken(_ system: FaultSystem, _ service: String, tokenName: String, region: String, verdict: Verdict) async throws -> String {
        let created = try await OneShotCommand.outcome(
            built: FaultSystem.executables[service] ?? "",
            ["token", "create", "--name", tokenName, "--role", "admin", "--region", region, "--database", system.database(service)])
        verdict.check(created.status == 0, "\(service): token create --region \(region): \(created.output.prefix(200))")
        return created.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
