import EntasCluster
import EntasDev
import EntasTestKit
import EntasStore
import Foundation
import Testing

extension Faults {
    /// The HTTP APIs of the four cluster services and the coordinator as real processes:
    /// tokens on every route, revocation, other services' tokens, NIK masking, a table of bad
    /// requests, and schemathesis fuzzing each service from its own `/openapi.json`.
    @Suite("HTTP APIs: tokens, bad requests, fuzzing, privacy", .serialized, .timeLimit(.minutes(15)))
    struct API {
        static let households = Array(800_000..<800_012)
        static let services = ["coordinator"] + FaultSystem.clusters

        @Test("every route needs a token, bad requests get 4xx problem documents and change nothing, fuzzing finds no server error")
        func api() async throws {
            try await FaultSystem.with("api") { system in
                try await system.start(Self.services)
                try await Self.registerHouseholds(system)
                try await tokens(system)
                try await tokensOfEveryOtherService(system)
                try await nikMasking(system)
                try await badRequests(system)
                try await fuzz(system)
                try await auditTrail(system)
                try await readRoleAtWriteRoutes(system)
                try await regionScopedTokens(system)
                try await cleanTextAtEveryRoute(system)
                try privacy(system)
            }
        }

        static func registerHouseholds(_ system: FaultSystem) async throws {
            for number in households {
                let answer = try await DevHTTP.send(
                    "POST", system.url("social-aid") + "/v1/households", token: system.token("social-aid"),
                    body: JSONBody.json(try Households.registration(number, withMembers: true)))
                guard answer.status == 201 else { throw FaultFailure("registering \(number): \(answer.status) \(answer.text)") }
            }
            try await eventually("every service has the \(households.count) households", timeout: .seconds(120), every: .milliseconds(500)) {
                var total = try StoreReader.count(system.database("coordinator"), "SELECT COUNT(*) FROM household")
                for cluster in FaultSystem.clusters {
                    total += try StoreReader.count(system.database(cluster), "SELECT COUNT(*) FROM householdReplica")
                }
                return total == households.count * 5
            }
        }

        // MARK: Bad requests

        func badRequests(_ system: FaultSystem) async throws {
            let start = ContinuousClock.now
            let verdict = Verdict()
            let before = try Self.services.map { try StoreReader.dump(system.database($0)) }
            let (sent, refused) = try await Faults.sendBadRequests(system, verdict: verdict)
            let after = try Self.services.map { try StoreReader.dump(system.database($0)) }
            var changed = 0
            // The audit trail records each refused write, as it must: every other table stays as it was.
            for (index, name) in Self.services.enumerated() {
                let tables = before[index].keys.filter { $0 != "auditEntry" && before[index][$0] != after[index][$0] }
                guard !tables.isEmpty else { continue }
                changed += 1
                verdict.check(false, "\(name)'s store changed: \(tables.sorted())")
            }
            for name in Self.services {
                let health = try await DevHTTP.send("GET", system.url(name) + "/health")
                verdict.check(health.status == 200, "\(name) after the bad requests: /health \(health.status)")
            }
            verdict.check(sent >= 30, "only \(sent) bad requests")
            let integrity = verdict.checkIntegrity(of: system, after: "the bad requests")
            FaultSummary.shared.record(
                "bad HTTP requests (\(sent), 5 services)", events: sent, lost: sent - refused, duplicated: changed,
                note: "\(refused) answered with their 4xx problem document; no store changed but the audit trail, no event; all healthy after; \(integrity)", since: start,
                passed: verdict.passed)
        }

        // MARK: Fuzzing

        /// schemathesis (installed by `make faults` into .build-tools/venv; ENTAS_SCHEMATHESIS
        /// names it) against each service's `/openapi.json`; server errors must be 0.
        func fuzz(_ system: FaultSystem) async throws {
            let start = ContinuousClock.now
            let verdict = Verdict()
            guard let executable = ProcessInfo.processInfo.environment["ENTAS_SCHEMATHESIS"], FileManager.default.isExecutableFile(atPath: executable) else {
                verdict.check(false, "schemathesis not found: run `make faults`, which installs it into .build-tools/venv and sets ENTAS_SCHEMATHESIS")
                FaultSummary.shared.record("schemathesis fuzzing", events: 0, note: "not run: schemathesis missing", since: start, passed: false)
                return
            }
            var requests = 0, serverErrors = 0, accepted = 0, perService: [String] = []
            for name in Self.services {
                let har = system.directory.appendingPathComponent("schemathesis-\(name).har")
                let run = try await OneShotCommand.outcome(built: executable, [
                    "run", system.url(name) + "/openapi.json", "--header", "Authorization: Bearer \(system.token(name))",
                    "--checks", "not_a_server_error", "--max-examples", "20", "--seed", "20270201", "--workers", "2",
                    "--phases", "examples,coverage,fuzzing", "--generation-database", "none", "--no-color",
                    "--suppress-health-check", "all", "--report", "har", "--report-har-path", har.path, "--request-timeout", "30",
                ], directory: system.directory)
                let entries = try Self.harEntries(har)
                accepted += entries.filter { (200..<300).contains($0) }.count
                let errors = entries.filter { $0 >= 500 }.count
                requests += entries.count
                serverErrors += errors
                perService.append("\(name) \(entries.count)")
                verdict.check(errors == 0, "schemathesis found \(errors) server errors at \(name): \(run.output.suffix(2_000))")
                verdict.check(entries.count > 0, "schemathesis sent nothing to \(name): \(run.output.suffix(1_000))")
                let health = try await DevHTTP.send("GET", system.url(name) + "/health")
                verdict.check(health.status == 200, "\(name) after fuzzing: /health \(health.status)")
            }
            let integrity = verdict.checkIntegrity(of: system, after: "fuzzing")
            FaultSummary.shared.record(
                "schemathesis fuzzing (5 services)", events: requests, lost: serverErrors,
                note: "requests sent: \(perService.joined(separator: ", ")); \(accepted) answered 2xx, server errors: \(serverErrors); \(integrity)", since: start, passed: verdict.passed)
        }

        /// The response statuses in a HAR file.
        static func harEntries(_ url: URL) throws -> [Int] {
            guard let data = FileManager.default.contents(atPath: url.path),
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                let log = object["log"] as? [String: Any], let entries = log["entries"] as? [[String: Any]]
            else { return [] }
            return entries.map { (($0["response"] as? [String: Any])?["status"] as? Int) ?? 0 }
        }

        // MARK: Privacy

        /// After all that traffic: no KK, NIK or name in the coordinator's store or any log line.
        func privacy(_ system: FaultSystem) throws {
            let start = ContinuousClock.now
            let verdict = Verdict()
            // The households' members too: their NIKs reached the coordinator (keyed) and every log's service.
            let members = try Self.households.flatMap { try HouseholdRegistration.sampleMembers($0).map(\.nik.rawValue) }
            let identifiers = Set(Self.households.flatMap { [Households.kk($0), Households.nik($0)] } + members)
            let files = Probes.storeFiles(system.database("coordinator")) + system.logs
            let findings = Probes.personalData(in: files, identifiers: identifiers, marker: Households.nameMarker)
            verdict.check(findings.isEmpty, "personal data found: \(findings)")
            let people = try StoreReader.count(system.database("coordinator"), "SELECT COUNT(*) FROM householdPerson")
            verdict.check(people >= members.count, "the coordinator keyed \(people) of the \(members.count) people")
            let lines = system.logs.reduce(0) { $0 + ((try? String(contentsOf: $1, encoding: .utf8))?.split(separator: "\n").count ?? 0) }
            let integrity = verdict.checkIntegrity(of: system, after: "the API checks")
            FaultSummary.shared.record(
                "privacy scan (after the API checks)", events: lines,
                note: "coordinator store and \(lines) log lines: \(findings.isEmpty ? "no KK, NIK or name" : findings.joined(separator: ", ")) "
                    + "of \(Self.households.count) households and their \(members.count) members (keyed: \(people)); \(integrity)",
                since: start, passed: verdict.passed)
        }
    }
}
