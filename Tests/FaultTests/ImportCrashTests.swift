import EntasDev
import EntasTestKit
import EntasStore
import Foundation
import Testing

extension Faults {
    /// `kill -9` of a cluster service in the middle of a 50,000-row import through `entas
    /// import` (chunks of 5,000 rows, each answered with what it accepted), then a restart and
    /// the same import again.
    @Suite("kill -9 during an import", .serialized, .timeLimit(.minutes(15)))
    struct ImportCrash {
        static let rows = 50_000
        static let first = 2_000_001
        static let registered = "id.go.jatim.entas.household.registered.v1"

        @Test("every accepted row is in the store and reaches the coordinator once; the rerun duplicates nothing")
        func killDuringImport() async throws {
            try await FaultSystem.with("import") { system in
                try await system.start(["coordinator", "social-aid"])
                try await run(system)
            }
        }

        func run(_ system: FaultSystem) async throws {
            let verdict = Verdict()
            let start = ContinuousClock.now
            let numbers = Array(Self.first..<(Self.first + Self.rows))
            let csv = system.directory.appendingPathComponent("households.csv")
            try Self.writeCSV(numbers, to: csv)
            let store = system.database("social-aid"), coordinator = system.database("coordinator")
            let arguments = ["import", csv.path, "--service", "social-aid", "--service-url", system.url("social-aid"), "--token", system.token("social-aid"), "--chunk-size", "5000"]

            let firstRun = try ChildProcess.started(
                executable: ChildProcess.builtExecutables.appendingPathComponent("entas"), arguments: arguments, log: system.log("import-1"))
            // Chunks of 5,000 rows, written by the service in transactions of 500: the kill comes
            // in the middle of the fifth chunk, with some of its rows committed but not answered.
            try await eventually("the import is in the middle of its fifth chunk", timeout: .seconds(400), every: .milliseconds(20)) {
                guard firstRun.isRunning else { throw FaultFailure("the import ended before the kill: \(firstRun.lastLines(15))") }
                return try StoreReader.count(store, "SELECT COUNT(*) FROM householdReplica") >= 22_500
            }
            await system.killHard("social-aid")
            try await eventually("the import reports the interruption", timeout: .seconds(60)) { !firstRun.isRunning }
            let report = firstRun.lastLines(5).joined(separator: "\n")
            // "The import stopped at row N: … The rows before it were imported (C created, …)".
            guard let stoppedAt = Self.number(after: "stopped at row ", in: report), let created = Self.number(after: "imported (", in: report) else {
                throw FaultFailure("no interruption report from entas import: \(report)")
            }
            let accepted = Array(numbers.prefix(stoppedAt - 2))  // row 1 is the header
            verdict.check(created == accepted.count, "the interrupted import reported \(created) created for \(accepted.count) rows before row \(stoppedAt): \(report)")
            let inStore = Set(try StoreReader.read(store) { try String.fetchAll($0, sql: "SELECT kkNumber FROM householdReplica") })
            let acceptedLost = accepted.filter { !inStore.contains(Households.kk($0)) }.count
            verdict.check(acceptedLost == 0, "every row the import reported accepted is in the store")
            verdict.check(try EntasBackup.integrityCheck(of: store) == ["ok"], "the store after kill -9")

            try await system.restart("social-aid")
            let secondRun = try await OneShotCommand.outcome(built: "entas", arguments)
            verdict.check(secondRun.status == 0, "the second import: \(secondRun.output.suffix(600))")
            let createdAgain = Self.count("created", in: secondRun.output), unchangedAgain = Self.count("unchanged", in: secondRun.output)
            try await eventually("the coordinator has the \(Self.rows) households", timeout: .seconds(400), every: .seconds(1)) {
                try StoreReader.count(coordinator, "SELECT COUNT(*) FROM household") >= Self.rows
            }
            try await Probes.coordinatorCaughtUp(system)

            let keys = Set(try StoreReader.read(coordinator) { try String.fetchAll($0, sql: "SELECT key FROM household") })
            let expected = try Set(numbers.map { try CoordinatorView.key(Households.kk($0), secretHex: system.secretHex) })
            let lost = expected.subtracting(keys).count
            let storeCount = try StoreReader.count(store, "SELECT COUNT(*) FROM householdReplica")
            let events = try StoreReader.count(store, "SELECT COUNT(*) FROM outboxMessage WHERE headers LIKE '%household.registered%'")
            let applied = try StoreReader.count(coordinator, "SELECT COUNT(*) FROM inboxEntry WHERE eventType = ?", [Self.registered])
            // Each layer's shortfall and excess on its own (never a signed sum, where one could hide another).
            let shortfall = Layers.shortfall([storeCount, events, applied], expected: Self.rows)
            let duplicated = Layers.excess([storeCount, events, applied], expected: Self.rows) + keys.subtracting(expected).count
            verdict.check(createdAgain.map { $0 + inStore.count } == Self.rows && unchangedAgain == inStore.count, "the second import created \(createdAgain ?? -1) and left \(unchangedAgain ?? -1) unchanged; \(inStore.count) were in the store: \(secondRun.output.prefix(400))")
            verdict.check(lost == 0 && storeCount == Self.rows && events == Self.rows && applied == Self.rows && keys == expected, "lost \(lost); store \(storeCount), registration events \(events), applied by the coordinator \(applied), coordinator households \(keys.count), of \(Self.rows)")
            verdict.check(try CoordinatorView.recountMatches(coordinator), "the coordinator's region tables differ from a recount of its facts")
            let identifiers = Set(numbers.flatMap { [Households.kk($0), Households.nik($0)] })
            let findings = Probes.personalData(in: Probes.storeFiles(coordinator) + system.logs, identifiers: identifiers, marker: Households.nameMarker)
            verdict.check(findings.isEmpty, "personal data found: \(findings)")
            let integrity = verdict.checkIntegrity(of: system, after: "the import, the kill and the rerun")
            let beyond = inStore.count - accepted.count
            FaultSummary.shared.record(
                "kill -9 of social-aid mid 50,000-row import", events: Self.rows, lost: lost + acceptedLost + shortfall, duplicated: duplicated,
                note: "killed after \(accepted.count) rows reported accepted (\(beyond) more committed, answer lost); rerun: \(createdAgain.map(String.init) ?? "?") created, \(unchangedAgain.map(String.init) ?? "?") unchanged; \(integrity)",
                since: start, passed: verdict.passed)
        }

        static func writeCSV(_ numbers: [Int], to url: URL) throws {
            var text = Households.csvHeader
            for number in numbers { text += Households.csvRow(number) }
            try Data(text.utf8).write(to: url)
        }

        /// The count on the summary line `  created   25,000` of `entas import`.
        static func count(_ name: String, in output: String) -> Int? {
            guard let line = output.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(name + " ") }) else { return nil }
            return number(after: name, in: String(line))
        }

        /// The whole number right after `marker` in `text` (digits with thousands separators).
        static func number(after marker: String, in text: String) -> Int? {
            guard let range = text.range(of: marker) else { return nil }
            let digits = text[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)
            return Int(String(digits))
        }
    }
}
