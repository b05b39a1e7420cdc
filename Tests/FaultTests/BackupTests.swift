import EntasCluster
import EntasDev
import EntasTestKit
import EntasStore
import Foundation
import GRDB
import Testing

extension Faults {
    /// `entas-<service> backup PATH` against a running service process that keeps taking
    /// writes: the copy is consistent (each household with its outbox row, nothing
    /// half-written), sound (`PRAGMA integrity_check`), and a new service started on it serves
    /// the same data.
    @Suite("Backup of a running service", .serialized, .timeLimit(.minutes(5)))
    struct Backup {
        @Test("a backup taken under writes is consistent, and a service restored from one serves the same data")
        func backupUnderWritesAndRestore() async throws {
            let start = ContinuousClock.now
            let verdict = Verdict()
            var note = ""
            try await FaultSystem.with("backup") { system in
                try await FaultSystem.with("restore") { restored in
                    note = try await backupAndRestore(system, restored, verdict)
                }
            }
            FaultSummary.shared.record("backup under writes, restore", events: 400, note: note, since: start, passed: verdict.passed)
        }

        func backupAndRestore(_ system: FaultSystem, _ restored: FaultSystem, _ verdict: Verdict) async throws -> String {
            try await system.start(["social-aid"])
            let url = system.url("social-aid"), token = system.token("social-aid")
            let source = system.database("social-aid")
            let firstBackup = system.directory.appendingPathComponent("backups/during-writes.sqlite").path

            // Writers: 4 at a time, 400 households, while the backup is taken.
            let written = Tally()
            let writing = ContinuousClock.now
            let writers = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for lane in 0..<4 {
                        group.addTask {
                            for number in stride(from: 1 + lane, through: 400, by: 4) {
                                let answer = try await DevHTTP.send("POST", url + "/v1/households", token: token, body: JSONBody.json(try Households.registration(number)))
                                guard answer.status == 201 else { throw FaultFailure("registration \(number): \(answer.status) \(answer.text)") }
                                written.add()
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            try await eventually("100 households written", timeout: .seconds(60), every: .milliseconds(20)) { written.value >= 100 }
            let during = try await OneShotCommand.outcome(built: "entas-social-aid", ["backup", firstBackup, "--database", source])
            try await writers.value
            let writeTime = ContinuousClock.now - writing
            verdict.check(during.status == 0 && during.output.contains("integrity ok"), "backup under writes: \(during.output)")
            verdict.check(try EntasBackup.integrityCheck(of: source) == ["ok"], "integrity of the live source store after the backup under writes")

            // The copy taken under writes: sound, and each registration whole (household + its outbox row).
            verdict.check(try EntasBackup.integrityCheck(of: firstBackup) == ["ok"], "integrity of the copy")
            let households = try StoreReader.count(firstBackup, "SELECT COUNT(*) FROM householdReplica")
            let outbox = try StoreReader.count(firstBackup, "SELECT COUNT(*) FROM outboxMessage WHERE headers LIKE '%household.registered%'")
            verdict.check(households == outbox, "\(households) households but \(outbox) registration events in the copy")
            verdict.check(households >= 100 && households < 400, "the copy was taken while writes went on (\(households) households in it)")

            // Refused without --force; replaced with it.
            let again = try await OneShotCommand.outcome(built: "entas-social-aid", ["backup", firstBackup, "--database", source])
            verdict.check(again.status != 0 && again.output.contains("exists already"), "a second backup to the same path: \(again.output)")
            let finalBackup = system.directory.appendingPathComponent("backups/final.sqlite").path
            let final = try await OneShotCommand.outcome(built: "entas-social-aid", ["backup", finalBackup, "--database", source])
            verdict.check(final.status == 0, "final backup: \(final.output)")
            verdict.check(try EntasBackup.integrityCheck(of: finalBackup) == ["ok"], "integrity of the final copy")
            let forced = try await OneShotCommand.outcome(built: "entas-social-aid", ["backup", firstBackup, "--force", "--database", source])
            verdict.check(forced.status == 0, "backup --force: \(forced.output)")
            verdict.check(try StoreReader.count(firstBackup, "SELECT COUNT(*) FROM householdReplica") == 400, "the forced backup replaced the first")

            // Restore: a new service on a copy of the backup (no -wal, no -shm) serves the same households.
            try FileManager.default.copyItem(atPath: finalBackup, toPath: restored.database("social-aid"))
            try await restored.start(["social-aid"])
            for offset in [0, 200] {
                let path = "/v1/households?limit=200&offset=\(offset)"
                let original = try await DevHTTP.send("GET", url + path, token: token)
                let copy = try await DevHTTP.send("GET", restored.url("social-aid") + path, token: restored.token("social-aid"))
                verdict.check(original.status == 200 && copy.status == 200, "listing: \(original.status), \(copy.status)")
                verdict.check(original.canonicalJSON == copy.canonicalJSON, "households \(offset + 1)–\(offset + 200) differ between the service and its restored copy")
            }
            let oldToken = try await DevHTTP.send("GET", restored.url("social-aid") + "/v1/households?limit=1", token: token)
            verdict.check(oldToken.status == 200, "the restored store keeps the original's tokens (\(oldToken.status))")

            // Every record the same. Tokens (the harness issued one more), the outbox (the
            // restored service publishes the copy's unsent rows to its own broker) and the inbox
            // (times of application) are compared by their ids.
            await system.stop("social-aid")
            await restored.stop("social-aid")
            // The audit trail goes on at each service after the backup: the restored one starts with the
            // entries the backup carried, the same as the original's first ones.
            let bookkeeping: Set<String> = ["serviceToken", "outboxMessage", "inboxEntry", "auditEntry"]
            let carried = try StoreReader.read(finalBackup) { try Int.fetchOne($0, sql: "SELECT count(*) FROM auditEntry") ?? 0 }
            let trailSQL = "SELECT id, at, operatorName, kind, route, status FROM auditEntry ORDER BY id LIMIT \(carried)"
            let trails = (
                try StoreReader.read(source) { try Row.fetchAll($0, sql: trailSQL).map(\.description) },
                try StoreReader.read(restored.database("social-aid")) { try Row.fetchAll($0, sql: trailSQL).map(\.description) })
            verdict.check(carried > 0 && trails.0 == trails.1, "the restored trail does not start with the \(carried) entries the backup carried")
            let restoredPath = restored.database("social-aid")
            verdict.check(try StoreReader.dump(source, skipping: bookkeeping) == StoreReader.dump(restoredPath, skipping: bookkeeping), "the restored records differ")
            for (table, column) in [("outboxMessage", "eventId"), ("inboxEntry", "eventId")] {
                let sql = "SELECT \(column) FROM \(table) ORDER BY \(column)"
                let a = try StoreReader.read(source) { try String.fetchAll($0, sql: sql) }
                let b = try StoreReader.read(restoredPath) { try String.fetchAll($0, sql: sql) }
                verdict.check(a == b, "\(table): \(a.count) ids in the original, \(b.count) in the restored store")
            }
            let integrity = verdict.checkIntegrity(of: system, restored, after: "the backups and the restore (source and restored store)")
            return "copy under writes held \(households) of 400 (each with its event), restored data equal; \(integrity) (source, restored) and on the copies; 400 writes took \(writeTime.text)"
        }
    }
}
