import EntasDev
import Foundation
import GRDB
import Testing

extension Faults.API {
    // MARK: Roles and the audit trail

    /// A read token at every write route of every service (403 `read-only-token`, nothing written), but the
    /// coordinator's flag lookup, which changes nothing.
    func readRoleAtWriteRoutes(_ system: FaultSystem) async throws {
        let start = ContinuousClock.now
        let verdict = Verdict()
        var writes = 0, refused = 0
        for name in Self.services {
            let created = try await OneShotCommand.outcome(
                built: FaultSystem.executables[name] ?? "", ["token", "create", "--name", "faults-reader", "--role", "read", "--database", system.database(name)])
            let reader = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
            verdict.check(created.status == 0, "\(name): token create --role read: \(created.output.prefix(200))")
            let outboxBefore = try Self.count("outboxMessage", in: system.database(name))
            for (method, path) in try await Self.routes(of: system.url(name)) where method != "GET" && path.hasPrefix("/v1/") {
                guard !(name == "coordinator" && path == "/v1/flags") else { continue }
                writes += 1
                let answer = try await DevHTTP.send(method, system.url(name) + Self.concrete(path), token: reader, body: Data("{}".utf8))
                let code = answer.object["code"] as? String
                verdict.check(answer.status == 403 && code == "read-only-token", "\(name) \(method) \(path) with a read token: \(answer.status) \(code ?? "")")
                if answer.status == 403 && code == "read-only-token" { refused += 1 }
            }
            let outboxAfter = try Self.count("outboxMessage", in: system.database(name))
            verdict.check(outboxAfter == outboxBefore, "\(name): a read token's requests published \(outboxAfter - outboxBefore) events")
            let lookup = try await DevHTTP.send("GET", system.url(name) + Self.protectedRoute(of: name), token: reader)
            verdict.check(lookup.status == 200, "\(name): a read token reads \(Self.protectedRoute(of: name)): \(lookup.status)")
        }
        verdict.check(writes > 30, "only \(writes) write routes")
        FaultSummary.shared.record(
            "read role at every write route", events: writes, lost: writes - refused,
            note: "\(refused) write routes of 5 services answered 403 read-only-token to a read token, nothing published; the same token reads",
            since: start, passed: verdict.passed)
    }

    /// Every personal-data read of the fuzzing run is in its service's trail, and SQL cannot alter or delete the
    /// trail.
    func auditTrail(_ system: FaultSystem) async throws {
        let start = ContinuousClock.now
        let verdict = Verdict()
        var reads = 0, recorded = 0
        let notPersonal = ["/v1/programmes", "/v1/commitments", "/v1/audit"]
        for name in FaultSystem.clusters {
            let har = system.directory.appendingPathComponent("schemathesis-\(name).har")
            let fuzzed = try Self.harRequests(har).filter { request in
                request.method == "GET" && request.status == 200 && request.path.hasPrefix("/v1/")
                    && !notPersonal.contains { request.path.hasPrefix($0) }
            }
            let trail = try Self.count("auditEntry", in: system.database(name), where: "kind = 'read' AND status = 200 AND operatorName = 'faults'")
            reads += fuzzed.count
            recorded += min(trail, fuzzed.count)
            verdict.check(fuzzed.count > 0, "\(name): the fuzzing read no household data")
            verdict.check(trail >= fuzzed.count, "\(name): \(fuzzed.count) personal-data reads answered 200 to the fuzzer, \(trail) in the trail")
        }
        var refusedChanges = 0
        for name in Self.services {
            let queue = try DatabaseQueue(path: system.database(name))
            let before = try await queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM auditEntry") ?? 0 }
            for sql in ["UPDATE auditEntry SET operatorName = 'someone else'", "DELETE FROM auditEntry"] {
                do {
                    try await queue.write { db in try db.execute(sql: sql) }
                    verdict.check(false, "\(name): \(sql) succeeded")
                } catch {
                    refusedChanges += 1
                }
            }
            let after = try await queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM auditEntry") ?? 0 }
            verdict.check(before == after && before > 0, "\(name): the trail went from \(before) to \(after) entries")
            try queue.close()
        }
        FaultSummary.shared.record(
            "audit trail: reads recorded, append-only", events: reads, lost: reads - recorded,
            note: "\(recorded) of \(reads) personal-data reads of the fuzzing in the cluster services' trails; \(refusedChanges) SQL updates/deletes of the trail refused at 5 stores",
            since: start, passed: verdict.passed)
    }

    /// `(method, path, status)` of every request in a schemathesis HAR report.
    static func harRequests(_ url: URL) throws -> [(method: String, path: String, status: Int)] {
        guard let data = FileManager.default.contents(atPath: url.path),
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let log = object["log"] as? [String: Any], let entries = log["entries"] as? [[String: Any]]
        else { return [] }
        return entries.compactMap { entry in
            guard let request = entry["request"] as? [String: Any], let method = request["method"] as? String,
                let address = request["url"] as? String, let path = URLComponents(string: address)?.path
            else { return nil }
            return (method.uppercased(), path, ((entry["response"] as? [String: Any])?["status"] as? Int) ?? 0)
        }
    }

    /// Rows of `table` in the store at `path` (matching `condition`), read alongside the running service.
    static func count(_ table: String, in path: String, where condition: String = "1") throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(condition)") ?? 0 }
    }
}
