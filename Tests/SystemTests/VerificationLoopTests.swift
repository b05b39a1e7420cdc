import EntasDev
import EntasKafka
import Foundation
import GRDB
import Testing
import EntasTestKit

/// Konsensus bersama through the real executables (`entas dev`: the four cluster services and the coordinator as
/// child processes, the embedded broker): two clusters disagree, a case opens, Dinas Sosial's worklist shows the
/// household by name, the verification is recorded there, and the coordinator, the CLI, the dashboard and a
/// rebuild show it settled; a later disagreeing assessment reopens it.
@Suite("Verification cases through the real executables", .serialized, .timeLimit(.minutes(10)), .english)
struct VerificationLoopTests {
    static let desa = "35.09.31.2006"
    static let households = [
        (kk: "3509310101990011", nik: "3509315507850011", name: "Siti Verifikasi"),
        (kk: "3509310101990012", nik: "3509315507850012", name: "Aminah Tetangga"),
    ]

    @Test("a conflict opens a case; the desa's worklist at Dinas Sosial names the household; the verification recorded there settles it everywhere and survives a rebuild; a later disagreement reopens it; bad input changes nothing")
    func wholeLoop() async throws {
        let dev = try EntasDevProcess(arguments: ["--demo", "none"])
        defer { dev.remove() }
        try await dev.waitFor("Serving until Ctrl-C", timeout: .seconds(240))
        let tokens = try dev.tokens()
        let coordinator = try #require(tokens["ENTAS_COORDINATOR_URL"])
        let token = try #require(tokens["ENTAS_TOKEN"])
        let socialAid = try #require(tokens["ENTAS_SOCIAL_AID_URL"])
        let socialAidToken = try #require(tokens["ENTAS_SOCIAL_AID_TOKEN"])
        let umkm = try #require(tokens["ENTAS_UMKM_URL"])
        let umkmToken = try #require(tokens["ENTAS_UMKM_TOKEN"])

        // Two households at social aid; social aid says M, UMKM says SM: two conflicts, two cases.
        for household in Self.households {
            let body: [String: Any] = [
                "kkNumber": household.kk, "headNIK": household.nik, "headName": household.name,
                "address": "Dusun Krajan RT 001 RW 002", "desaCode": Self.desa, "memberCount": 4,
                "criteriaMet": ["floor_earth_bamboo_or_cheap_wood"], "baselineStatus": "sangatMiskin",
            ]
            #expect(try await DevHTTP.send("POST", socialAid + "/v1/households", token: socialAidToken, body: DevHTTP.json(object: body)).status == 201)
            #expect(try await Self.assess(household.kk, "miskin", on: "2026-10-01", at: socialAid, token: socialAidToken) == 201)
        }
        for household in Self.households {
            try await Self.waitUntil("UMKM knows \(household.kk.suffix(4))") {
                try await DevHTTP.send("GET", umkm + "/v1/households/\(household.kk)", token: umkmToken).status == 200
            }
            #expect(try await Self.assess(household.kk, "sangatMiskin", on: "2026-10-10", at: umkm, token: umkmToken) == 201)
        }
        let casesURL = coordinator + "/v1/cases?region=\(Self.desa)"
        try await Self.waitUntil("two open cases at the coordinator") {
            try await DevHTTP.send("GET", casesURL, token: token).object["total"] as? Int == 2
        }
        #expect(try await Self.conflicts(coordinator, token) == 2)

        // Dinas Sosial's worklist for the desa: the households by name, with the case to settle.
        let worklistAnswer = try await DevHTTP.send("GET", socialAid + "/v1/worklist?region=\(Self.desa)", token: socialAidToken)
        #expect(worklistAnswer.status == 200)
        let entries = worklistAnswer.object["entries"] as? [[String: Any]] ?? []
        let entry = try #require(entries.first { $0["kkNumber"] as? String == Self.households[0].kk }, "\(worklistAnswer.text.prefix(600))")
        #expect(entry["headName"] as? String == Self.households[0].name)
        #expect(entry["flags"] as? [String] == ["gap", "conflict", "case"])
        #expect((entry["statements"] as? [[String: Any]])?.compactMap { $0["status"] as? String } == ["miskin", "sangatMiskin"])
        let verification = entry["verification"] as? [String: Any] ?? [:]
        #expect(verification["state"] as? String == "open" && verification["kind"] as? String == "conflict")
        let caseID = try #require(verification["caseID"] as? String)
        let csv = try await DevHTTP.send("GET", socialAid + "/v1/worklist?region=\(Self.desa)&format=csv", token: socialAidToken)
        #expect(csv.contentType.hasPrefix("text/csv") && csv.text.contains(Self.households[0].name) && csv.text.contains(caseID))
        let page = try await DevHTTP.send("GET", socialAid + "/v1/worklist?region=35.09.31&flag=case&format=html", token: socialAidToken)
        #expect(page.contentType.hasPrefix("text/html") && page.text.contains(Self.households[1].name))
        let worklistCLI = try await OneShotCommand.outcome(
            built: "entas", ["worklist", "--service", "social-aid", "--region", Self.desa, "--service-url", socialAid, "--token", socialAidToken])
        #expect(worklistCLI.status == 0 && worklistCLI.output.contains(Self.households[0].name) && worklistCLI.output.contains(caseID), "\(worklistCLI.output)")

        // Social aid's team takes the desa's cases; asking again assigns nothing twice.
        let assignment = DevHTTP.json(object: ["areaCode": Self.desa, "team": "tksk-sumberjambe-1", "assignedOn": "2026-10-20"])
        let assigned = try await DevHTTP.send("POST", socialAid + "/v1/verification/assignments", token: socialAidToken, body: assignment)
        #expect(assigned.status == 200 && assigned.object["assigned"] as? Int == 2, "\(assigned.text)")
        try await Self.waitUntil("two assigned cases at the coordinator") {
            try await DevHTTP.send("GET", casesURL + "&state=assigned", token: token).object["total"] as? Int == 2
        }
        let again = try await DevHTTP.send("POST", socialAid + "/v1/verification/assignments", token: socialAidToken, body: assignment)
        #expect(again.object["assigned"] as? Int == 0)

        // Bad input: a clear 4xx naming the field, and nothing published.
        let kk = Self.households[0].kk
        let good: [String: Any] = [
            "caseID": caseID, "status": "miskin", "criteriaMet": ["floor_earth_bamboo_or_cheap_wood", "no_private_toilet"],
            "verifiedOn": "2026-11-05", "verifier": "tksk-sumberjambe-1", "minutesReference": "BA-MUSDES/35.09.31.2006/2026/014",
        ]
        let verifyURL = socialAid + "/v1/households/\(kk)/verification"
        func refused(_ body: [String: Any], at url: String? = nil, token given: String? = nil) async throws -> (Int, [String: Any]) {
            let answer = try await DevHTTP.send("POST", url ?? verifyURL, token: given ?? socialAidToken, body: DevHTTP.json(object: body))
            return (answer.status, answer.object)
        }
        var unknownCase = good
        unknownCase["caseID"] = UUID().lowercaseText
        let (unknownStatus, unknownProblem) = try await refused(unknownCase)
        #expect(unknownStatus == 404 && unknownProblem["code"] as? String == "unknown-case" && unknownProblem["field"] as? String == "caseID")
        var notAStatus = good
        notAStatus["status"] = "kaya"
        let (badStatus, badStatusProblem) = try await refused(notAStatus)
        #expect(badStatus == 422 && badStatusProblem["field"] as? String == "status", "\(badStatusProblem)")
        var graduated = good
        graduated["status"] = "graduated"
        let (graduatedStatus, graduatedProblem) = try await refused(graduated)
        #expect(graduatedStatus == 422 && graduatedProblem["field"] as? String == "status", "\(graduatedProblem)")
        var noMinutes = good
        noMinutes["minutesReference"] = nil
        let (noMinutesStatus, noMinutesProblem) = try await refused(noMinutes)
        #expect(noMinutesStatus == 422 && noMinutesProblem["field"] as? String == "minutesReference", "\(noMinutesProblem)")
        let (notVerifier, notVerifierProblem) = try await refused(good, at: umkm + "/v1/households/\(kk)/verification", token: umkmToken)
        #expect(notVerifier == 403 && notVerifierProblem["code"] as? String == "verifier-not-allowed")
        let (unknownHousehold, _) = try await refused(good, at: socialAid + "/v1/households/3509310101990099/verification")
        #expect(unknownHousehold == 404)

        // The verification, recorded from the worklist.
        let (recorded, receipt) = try await refused(good)
        #expect(recorded == 201 && receipt["eventType"] as? String == "id.go.jatim.entas.household.verified.v1")
        try await Self.waitUntil("the coordinator shows the verification") {
            try await DevHTTP.send("GET", casesURL + "&state=verified", token: token).object["total"] as? Int == 1
        }
        #expect(try await Self.conflicts(coordinator, token) == 1, "one conflict fewer")
        let detail = try await DevHTTP.send("GET", coordinator + "/v1/households/\(kk)", token: token).object
        #expect(detail["consensusStatus"] as? String == "miskin" && detail["hasConflict"] as? Bool == false)
        let history = (detail["history"] as? [[String: Any]] ?? []).compactMap { $0["summary"] as? String }
        #expect(history.filter { $0.hasPrefix("verified") }.count == 1, "the refused requests published nothing: \(history)")
        #expect(history.contains { $0.hasPrefix("verified") && $0.hasSuffix("recorded by operator entas-dev") }, "\(history)")

        // The CLI and the dashboard.
        let cli = try await OneShotCommand.outcome(
            built: "entas", ["cases", "--region", Self.desa, "--state", "verified", "--coordinator", coordinator, "--token", token])
        #expect(cli.status == 0 && cli.output.contains("350931******0011") && cli.output.contains("verified M on 2026-11-05"), "\(cli.output)")
        let conflictsCLI = try await OneShotCommand.outcome(built: "entas", ["conflicts", "--region", Self.desa, "--coordinator", coordinator, "--token", token])
        #expect(conflictsCLI.output.contains("1 household whose clusters disagree") && !conflictsCLI.output.contains("350931******0011"), "\(conflictsCLI.output)")
        let dashboard = try await DevHTTP.send("GET", coordinator + "/regions/\(Self.desa)", token: token)
        #expect(dashboard.status == 200)
        #expect(dashboard.text.contains("id=\"figure-cases-verified\">1<") && dashboard.text.contains("id=\"figure-conflicts\">1<"))
        #expect(dashboard.text.contains("id=\"figure-cases-open\">1<") && dashboard.text.contains("id=\"case-table\""))
        #expect(dashboard.text.contains("tksk-sumberjambe-1") && !dashboard.text.contains("data-case=\"\(caseID)\""), "the verified case left the list")

        // Social aid's audit trail names who read the worklist and recorded the verification (an admin reads it).
        let adminToken = try await OneShotCommand.outcome(
            built: "entas-social-aid", ["token", "create", "--name", "dinsos-admin", "--role", "admin", "--database", dev.directory.appendingPathComponent(".entas/social-aid.sqlite").path])
        let audit = try await OneShotCommand.outcome(
            built: "entas", ["audit", "--service", "social-aid", "--service-url", socialAid, "--token", adminToken.output.trimmingCharacters(in: .whitespacesAndNewlines), "--region", Self.desa])
        #expect(audit.status == 0, "\(audit.output)")
        #expect(audit.output.contains("read  GET /v1/worklist") || audit.output.contains("GET /v1/worklist"), "\(audit.output)")
        #expect(audit.output.contains("POST /v1/households/{kk}/verification") && !audit.output.contains(kk), "\(audit.output)")

        // A rebuild from the topics gives the same households back.
        let rebuilt = dev.directory.appendingPathComponent("rebuilt.sqlite").path
        let bootstrap = try #require(tokens["KAFKA_BOOTSTRAP_SERVERS"])
        var environment = KafkaChildEnvironment.variables(bootstrapServers: bootstrap, properties: EmbeddedKafka.recommendedClientProperties)
        environment["ENTAS_HOUSEHOLD_KEY_SECRET_FILE"] = dev.directory.appendingPathComponent(".entas/household-key.secret").path
        let rebuild = try await OneShotCommand.outcome(built: "entas-coordinator", ["rebuild", "--database", rebuilt], environment: environment)
        #expect(rebuild.status == 0, "\(rebuild.output.suffix(1_000))")
        let live = try Self.households(in: dev.directory.appendingPathComponent(".entas/coordinator.sqlite").path)
        let replayed = try Self.households(in: rebuilt)
        #expect(replayed == live, "rebuilt only: \(replayed.filter { !live.contains($0) }); live only: \(live.filter { !replayed.contains($0) }); rebuild: \(rebuild.output.suffix(400))")
        #expect(live.contains("350931******0011 miskin 0 - miskin 2026-11-05"), "\(live)")

        // UMKM visits again after the verification and still says SM: a new case opens.
        #expect(try await Self.assess(kk, "sangatMiskin", on: "2026-11-20", at: umkm, token: umkmToken) == 201)
        try await Self.waitUntil("the case reopens") {
            try await DevHTTP.send("GET", casesURL + "&state=verified", token: token).object["total"] as? Int == 0
        }
        let reopened = try await DevHTTP.send("GET", casesURL, token: token).object["items"] as? [[String: Any]] ?? []
        let newCase = reopened.compactMap { $0["verification"] as? [String: Any] }.first { $0["openedOn"] as? String == "2026-11-20" }
        #expect(newCase?["caseID"] as? String != caseID && newCase?["verifiedStatus"] as? String == "miskin", "\(reopened)")
        #expect(try await Self.conflicts(coordinator, token) == 2)
    }

    static func assess(_ kk: String, _ status: String, on day: String, at service: String, token: String) async throws -> Int {
        let body: [String: Any] = [
            "status": status, "criteriaMet": ["floor_earth_bamboo_or_cheap_wood"], "assessedOn": day, "assessor": "tim-uji-1",
        ]
        return try await DevHTTP.send("POST", service + "/v1/households/\(kk)/assessments", token: token, body: DevHTTP.json(object: body)).status
    }

    static func conflicts(_ coordinator: String, _ token: String) async throws -> Int? {
        let overview = try await DevHTTP.send("GET", coordinator + "/v1/overview?region=\(desa)&depth=0", token: token).object
        return ((overview["region"] as? [String: Any])?["totals"] as? [String: Any])?["conflicts"] as? Int
    }

    /// `masked consensus hasConflict caseKind verifiedStatus verifiedOn` per household, by masked KK.
    static func households(in path: String) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT maskedKK, consensusStatus, hasConflict, caseKind, verifiedStatus, verifiedOn FROM household ORDER BY maskedKK"
            ).map { row in
                [
                    row["maskedKK"] as String? ?? "-", row["consensusStatus"] as String? ?? "-", String(row["hasConflict"] as Int? ?? -1),
                    row["caseKind"] as String? ?? "-", row["verifiedStatus"] as String? ?? "-", row["verifiedOn"] as String? ?? "-",
                ].joined(separator: " ")
            }
        }
    }

    static func waitUntil(_ what: String, timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("waited \(timeout) for: \(what)")
        throw CancellationError()
    }
}
