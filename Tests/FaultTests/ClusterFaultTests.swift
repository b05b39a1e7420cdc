import EntasCluster
import EntasDev
import EntasTestKit
import EntasStore
import Foundation
import GRDB
import Synchronization
import Testing

extension Faults {
    /// The four cluster services and the coordinator as real processes on one embedded broker:
    /// a broker outage while households are registered, `kill -9` of the coordinator while it
    /// consumes, the coordinator's group reset to the start, and a poison event. The scenarios
    /// build on each other's data, in this order.
    @Suite("Faults on the whole system", .serialized, .timeLimit(.minutes(20)))
    struct WholeSystem {
        static let households = 10_000
        /// Households assessed by two clusters each in the crash scenario (10,000 events).
        static let assessedHouseholds = 5_000
        static let registered = "id.go.jatim.entas.household.registered.v1"
        static let assessed = "id.go.jatim.entas.household.assessed.v1"
        static let topics = ["entas.households", "entas.social-aid", "entas.empowerment", "entas.umkm", "entas.low-cost"]
        static var topicPartitions: Int { topics.reduce(0) { $0 + (FaultSystem.partitions[$1] ?? 0) } }

        @Test("broker outage, coordinator crash, redelivery and a poison event lose nothing and count nothing twice")
        func wholeSystem() async throws {
            try await FaultSystem.with("whole") { system in
                try await system.start(["coordinator"] + FaultSystem.clusters)
                try await brokerOutage(system)
                try await coordinatorCrash(system)
                try await groupReset(system)
                try await poisonEvent(system)
                try privacyScan(system, households: Array(1...Self.households) + Self.poisonNumbers)
            }
        }

        // MARK: Broker down 10 s while 10,000 households are registered

        func brokerOutage(_ system: FaultSystem) async throws {
            let verdict = Verdict()
            let start = ContinuousClock.now
            let done = Tally()
            let outage = Task {
                try await eventually("1,500 registrations", timeout: .seconds(300), every: .milliseconds(20)) { done.value >= 1_500 }
                try system.broker.setUnavailable(true)
                let before = done.value
                try await Task.sleep(for: .seconds(10))
                try system.broker.setUnavailable(false)
                return done.value - before
            }
            try await Self.register(Array(1...Self.households), in: system, done: done)
            let duringOutage = try await outage.value
            let registering = ContinuousClock.now - start

            let expected = try Set((1...Self.households).map { try CoordinatorView.key(Households.kk($0), secretHex: system.secretHex) })
            let coordinator = system.database("coordinator")
            try await eventually("the coordinator has the \(Self.households) households", timeout: .seconds(300), every: .seconds(1)) {
                try StoreReader.count(coordinator, "SELECT COUNT(*) FROM household") >= Self.households
            }
            for cluster in FaultSystem.clusters {
                try await eventually("\(cluster) has every household in its replica", timeout: .seconds(120), every: .seconds(1)) {
                    try StoreReader.count(system.database(cluster), "SELECT COUNT(*) FROM householdReplica") >= Self.households
                }
            }
            try await Probes.coordinatorCaughtUp(system)
            let present = Set(try StoreReader.read(coordinator) { try String.fetchAll($0, sql: "SELECT key FROM household") })
            let applied = try StoreReader.count(coordinator, "SELECT COUNT(*) FROM inboxEntry WHERE eventType = ?", [Self.registered])
            let records = try await TopicReader.readAll(["entas.households"], partitions: 16, settings: system.kafkaSettings)
            let registrations = records.filter { $0.eventType == Self.registered }
            let distinct = Set(registrations.compactMap(\.eventID)).count
            var skipped = 0
            for name in ["coordinator"] + FaultSystem.clusters { skipped += try await Probes.metric("entas_events_duplicate_total", at: system.url(name)) }
            // Each layer's shortfall and excess on its own: households at the coordinator, its
            // inbox, distinct events on the topic (a signed sum could let one hide another).
            let missing = expected.subtracting(present).count, extra = present.subtracting(expected).count
            let lost = missing + Layers.shortfall([applied, distinct], expected: Self.households)
            let duplicated = extra + Layers.excess([applied, distinct], expected: Self.households)
            verdict.check(present == expected, "\(missing) households missing at the coordinator, \(extra) extra")
            verdict.check(applied == Self.households, "the coordinator applied \(applied) registrations, not \(Self.households)")
            verdict.check(distinct == Self.households, "\(distinct) distinct registration events on Kafka, not \(Self.households)")
            verdict.check(try CoordinatorView.recountMatches(coordinator), "the coordinator's region tables differ from a recount of its facts")
            let integrity = verdict.checkIntegrity(of: system, after: "the broker outage")
            FaultSummary.shared.record(
                "\(system.broker.outage) 10 s during 10,000 registrations", broker: system.broker.name, events: Self.households, lost: lost, duplicated: duplicated,
                note: "\(duringOutage) registered while down; registering took \(registering.text); \(registrations.count - distinct) duplicate records on the broker; \(skipped) records skipped as already applied (own events read back, redeliveries); \(integrity)",
                since: start, passed: verdict.passed)
        }

        /// Registers `numbers` through the four cluster services' APIs (number % 4 picks the
        /// service), three requests in flight per service.
        static func register(_ numbers: [Int], in system: FaultSystem, done: Tally) async throws {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, cluster) in FaultSystem.clusters.enumerated() {
                    let mine = numbers.filter { $0 % 4 == index }
                    let url = system.url(cluster) + "/v1/households", token = system.token(cluster)
                    for lane in 0..<3 {
                        group.addTask {
                            for number in stride(from: lane, to: mine.count, by: 3).map({ mine[$0] }) {
                                let answer = try await DevHTTP.send("POST", url, token: token, body: JSONBody.json(try Households.registration(number)))
                                guard answer.status == 201 else { throw FaultFailure("registering \(number) at \(cluster): \(answer.status) \(answer.text)") }
                                done.add()
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }

        // MARK: kill -9 of the coordinator while it consumes

        /// Each of the first 5,000 households is assessed by two clusters (10,000 events, statuses
        /// that often disagree), in two halves: the coordinator is killed once a quarter is applied, a backup of it
        /// taken while it consumes the first half; the second half is posted while it is down (a coordinator that
        /// applies 8,192 events a transaction could otherwise have them all before the kill); after its restart
        /// its views equal a rebuild from the topics.
        func coordinatorCrash(_ system: FaultSystem) async throws {
            let verdict = Verdict()
            let start = ContinuousClock.now
            let coordinator = system.database("coordinator")
            let statuses = ["sangatMiskin", "miskin", "hampirMiskin"]
            let halves = FaultSystem.clusters.enumerated().map { index, cluster in
                let lines = (1...Self.assessedHouseholds).filter { [index, (index + 1) % 4].contains($0 % 4) }.map { number in
                    String(decoding: DevHTTP.json(object: [
                        "kind": "assessment", "kkNumber": Households.kk(number), "status": statuses[(number + index) % 3],
                        "criteriaMet": Array(Households.criteria.prefix(6 + (number + index) % 8)), "assessedOn": "2027-02-0\(1 + index)",
                        "assessor": "tim-\(cluster)",
                    ]), as: UTF8.self)
                }
                return (cluster: cluster, first: Array(lines.prefix(lines.count / 2)), second: Array(lines.dropFirst(lines.count / 2)))
            }
            /// Posts each cluster's first or second half to its bulk endpoint, the four at once.
            func post(secondHalf: Bool) async throws {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for half in halves {
                        let lines = secondHalf ? half.second : half.first, cluster = half.cluster
                        let url = system.url(cluster) + "/v1/bulk", token = system.token(cluster)
                        group.addTask {
                            let answer = try await DevHTTP.send("POST", url, token: token, body: Data(lines.joined(separator: "\n").utf8), contentType: "application/x-ndjson")
                            guard answer.status == 200, (answer.object["applied"] as? Int) == lines.count else {
                                throw FaultFailure("bulk assessments at \(cluster): \(answer.status) \(answer.text.prefix(300))")
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            try await post(secondHalf: false)
            let total = 2 * Self.assessedHouseholds
            try await eventually("the coordinator applies a quarter of the assessments", timeout: .seconds(300), every: .milliseconds(50)) {
                try StoreReader.count(coordinator, "SELECT COUNT(*) FROM inboxEntry WHERE eventType = ?", [Self.assessed]) >= total / 4
            }
            let backupPath = system.directory.appendingPathComponent("coordinator-backup.sqlite").path
            let backup = try await OneShotCommand.outcome(built: "entas-coordinator", ["backup", backupPath, "--database", coordinator])
            verdict.check(backup.status == 0, "coordinator backup: \(backup.output)")
            await system.killHard("coordinator")
            let atKill = try StoreReader.count(coordinator, "SELECT COUNT(*) FROM inboxEntry WHERE eventType = ?", [Self.assessed])
            verdict.check(atKill >= total / 4 && atKill <= total / 2, "the coordinator was killed with the first half's assessments or fewer (\(atKill))")
            try await post(secondHalf: true)
            verdict.check(try EntasBackup.integrityCheck(of: backupPath) == ["ok"], "integrity of the coordinator's backup")
            verdict.check(try CoordinatorView.recountMatches(backupPath), "the backup taken while it consumed is consistent")

            try await system.restart("coordinator")
            try await Probes.coordinatorCaughtUp(system)
            // On Tansu the lag can read 0 for a moment right after the restart's group join (seen once: 4,735 of
            // 10,000 at that moment, all 10,000 shortly after): what was lost never arrives, so wait for it.
            var applied = 0
            try? await eventually("every assessment is applied after the restart", timeout: .seconds(120), every: .milliseconds(200)) {
                applied = try StoreReader.count(coordinator, "SELECT COUNT(*) FROM inboxEntry WHERE eventType = ?", [Self.assessed])
                return applied >= total
            }
            verdict.check(applied == total, "\(applied) assessments applied after the restart, not \(total)")
            verdict.check(try CoordinatorView.recountMatches(coordinator), "stored region tables equal a recount of the stored facts")

            // A recount from the events: `entas-coordinator rebuild` replays every topic into a new store.
            let rebuilt = system.directory.appendingPathComponent("rebuilt.sqlite").path
            let rebuildStart = ContinuousClock.now
            let rebuild = try await OneShotCommand.outcome(built: "entas-coordinator", ["rebuild", "--database", rebuilt], environment: system.environment(for: "coordinator"))
            verdict.check(rebuild.status == 0, "rebuild: \(rebuild.output.suffix(1_000))")
            let live = try CoordinatorView.read(coordinator)
            let fromEvents = try CoordinatorView.read(rebuilt)
            let differences = live.differences(from: fromEvents)
            verdict.check(live == fromEvents, "\(differences) rows differ between the views after the crash and a rebuild from the events")
            let liveIDs = Set(try StoreReader.read(coordinator) { try String.fetchAll($0, sql: "SELECT eventId FROM inboxEntry") })
            let records = try await TopicReader.readAll(Self.topics, partitions: Self.topicPartitions, settings: system.kafkaSettings)
            let published = Set(records.compactMap(\.eventID))
            let lost = published.subtracting(liveIDs).count
            verdict.check(lost == 0, "\(lost) published events never applied by the coordinator")
            let integrity = verdict.checkIntegrity(of: system, after: "the coordinator's crash")
            FaultSummary.shared.record(
                "kill -9 of the coordinator while it consumes", broker: system.broker.name, events: total, lost: lost + Layers.shortfall([applied], expected: total),
                duplicated: differences + Layers.excess([applied], expected: total),
                note: "killed at \(atKill) of \(total) applied; views = rebuild from \(published.count) events (rebuild \((ContinuousClock.now - rebuildStart).text)); backup taken while consuming is sound; \(integrity)",
                since: start, passed: verdict.passed)
        }

        // MARK: The coordinator's group reset to the start

        func groupReset(_ system: FaultSystem) async throws {
            let verdict = Verdict()
            let start = ContinuousClock.now
            let coordinator = system.database("coordinator")
            let before = try CoordinatorView.read(coordinator)
            let appliedBefore = try StoreReader.count(coordinator, "SELECT COUNT(*) FROM inboxEntry")
            await system.stop("coordinator")
            let redelivered = try await TopicReader.resetToStart(
                group: "entas-coordinator", topics: Self.topics, partitions: Self.topicPartitions, settings: system.kafkaSettings)
            try await system.restart("coordinator")
            let url = system.url("coordinator")
            try await eventually("the coordinator reads the \(redelivered) records again", timeout: .seconds(300), every: .seconds(1)) {
                try await Probes.metric("entas_events_duplicate_total", at: url) >= Int(redelivered)
            }
            try await Probes.coordinatorCaughtUp(system)
            let skipped = try await Probes.metric("entas_events_duplicate_total", at: url)
            let after = try CoordinatorView.read(coordinator)
            let appliedAfter = try StoreReader.count(coordinator, "SELECT COUNT(*) FROM inboxEntry")
            let changes = after.differences(from: before) + abs(appliedAfter - appliedBefore)
            verdict.check(after == before, "redelivery changes no view")
            verdict.check(appliedAfter == appliedBefore, "inbox \(appliedBefore) → \(appliedAfter) entries")
            let integrity = verdict.checkIntegrity(of: system, after: "the group reset")
            FaultSummary.shared.record(
                "coordinator group reset to the start", broker: system.broker.name, events: Int(redelivered), lost: Layers.shortfall([skipped], expected: Int(redelivered)),
                duplicated: changes, note: "\(skipped) redelivered records skipped by the inbox; views unchanged; \(integrity)", since: start,
                passed: verdict.passed)
        }

        // MARK: A cluster service restarted while households are registered elsewhere

        static let restartNumbers = Array(800_001...801_000)

        /// entas-umkm stopped (SIGTERM) while 1,000 households are registered at social aid, and
        /// started again: it applies each registration once, from its group's committed offsets.
        func clusterRestart(_ system: FaultSystem) async throws {
            let verdict = Verdict()
            let start = ContinuousClock.now
            let umkm = system.database("umkm")
            let appliedBefore = try StoreReader.count(umkm, "SELECT COUNT(*) FROM inboxEntry WHERE eventType = ?", [Self.registered])
            let done = Tally()
            let restart = Task {
                try await eventually("200 registrations", timeout: .seconds(300), every: .milliseconds(20)) { done.value >= 200 }
                let stop = await system.stop("umkm")
                try await system.restart("umkm")
                return stop
            }
            let url = system.url("social-aid") + "/v1/households", token = system.token("social-aid")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for lane in 0..<3 {
                    group.addTask {
                        for number in stride(from: lane, to: Self.restartNumbers.count, by: 3).map({ Self.restartNumbers[$0] }) {
                            let answer = try await DevHTTP.send("POST", url, token: token, body: JSONBody.json(try Households.registration(number)))
                            guard answer.status == 201 else { throw FaultFailure("registering \(number) at social-aid: \(answer.status) \(answer.text)") }
                            done.add()
                        }
                    }
                }
                try await group.waitForAll()
            }
            let stop = try await restart.value
            let kks = Self.restartNumbers.map { "'\(Households.kk($0))'" }.joined(separator: ",")
            try await eventually("umkm has the 1,000 households", timeout: .seconds(180), every: .seconds(1)) {
                try StoreReader.count(umkm, "SELECT COUNT(*) FROM householdReplica WHERE kkNumber IN (\(kks))") == Self.restartNumbers.count
            }
            let present = try StoreReader.count(umkm, "SELECT COUNT(*) FROM householdReplica WHERE kkNumber IN (\(kks))")
            let applied = try StoreReader.count(umkm, "SELECT COUNT(*) FROM inboxEntry WHERE eventType = ?", [Self.registered]) - appliedBefore
            verdict.check(stop?.killed == false && stop?.status == 0, "umkm stopped on SIGTERM: \(String(describing: stop))")
            verdict.check(applied == Self.restartNumbers.count, "umkm applied \(applied) registrations, not \(Self.restartNumbers.count)")
            let integrity = verdict.checkIntegrity(of: system, after: "the cluster service's restart")
            FaultSummary.shared.record(
                "restart of entas-umkm during 1,000 registrations elsewhere", broker: system.broker.name, events: Self.restartNumbers.count,
                lost: Layers.shortfall([present, applied], expected: Self.restartNumbers.count),
                duplicated: Layers.excess([applied], expected: Self.restartNumbers.count),
                note: "stopped in \(stop?.elapsed.text ?? "?") with exit \(stop.map { "\($0.status)" } ?? "?") and started again while registering; each registration applied once; \(integrity)",
                since: start, passed: verdict.passed)
        }

        // MARK: A poison event

        static let poisonNumbers = Array(900_000...900_100)

        /// The coordinator's store refuses one household (a trigger injected into its SQLite
        /// file makes every attempt fail): after its bounded retries the event is on
        /// entas.dead-letter with the reason, and the later records of its partition are applied.
        func poisonEvent(_ system: FaultSystem) async throws {
            let verdict = Verdict()
            let start = ContinuousClock.now
            let coordinator = system.database("coordinator")
            let poison = Self.poisonNumbers[0], others = Array(Self.poisonNumbers.dropFirst())
            let poisonKey = try CoordinatorView.key(Households.kk(poison), secretHex: system.secretHex)
            let writer = try DatabaseQueue(path: coordinator, configuration: { var c = Configuration(); c.busyMode = .timeout(10); return c }())
            try await writer.write { db in
                try db.execute(sql: """
                    CREATE TRIGGER faults_poison BEFORE INSERT ON household WHEN NEW.key = '\(poisonKey)'
                    BEGIN SELECT RAISE(ABORT, 'injected fault: this store refuses the household'); END
                    """)
            }
            let url = system.url("social-aid") + "/v1/households", token = system.token("social-aid")
            let published = ContinuousClock.now
            for number in [poison] + others {
                let answer = try await DevHTTP.send("POST", url, token: token, body: JSONBody.json(try Households.registration(number)))
                verdict.check(answer.status == 201, "registering \(number): \(answer.status)")
            }
            let keys = try others.map { try CoordinatorView.key(Households.kk($0), secretHex: system.secretHex) }
            try await eventually("the coordinator applies the households after the poison", timeout: .seconds(120), every: .milliseconds(200)) {
                try StoreReader.read(coordinator) { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household WHERE key IN (\(keys.map { "'\($0)'" }.joined(separator: ",")))") ?? 0
                } == others.count
            }
            let poisonID = try StoreReader.read(system.database("social-aid")) { db in
                try String.fetchOne(db, sql: "SELECT eventId FROM outboxMessage WHERE key = ?", arguments: [Households.kk(poison)])
            }
            var letter: TopicReader.Record?
            try await eventually("the poison event on entas.dead-letter", timeout: .seconds(60), every: .milliseconds(500)) {
                letter = try await TopicReader.readAll(["entas.dead-letter"], partitions: 1, settings: system.kafkaSettings)
                    .first { $0.eventID?.lowercased() == poisonID?.lowercased() && $0.headers["entas_consumer_group"] == "entas-coordinator" }
                return letter != nil
            }
            let deadLettered = ContinuousClock.now - published
            try await writer.write { db in try db.execute(sql: "DROP TRIGGER faults_poison") }
            try writer.close()
            verdict.check(letter?.headers["entas_dead_letter_reason"] == "apply-failed", "dead-letter reason \(letter?.headers["entas_dead_letter_reason"] ?? "none")")
            verdict.check(letter?.headers["entas_dead_letter_detail"]?.contains("3 times") == true, "\(letter?.headers["entas_dead_letter_detail"] ?? "")")
            verdict.check(try StoreReader.count(coordinator, "SELECT COUNT(*) FROM household WHERE key = ?", [poisonKey]) == 0, "nothing of the poison applied")

            // The partition moved on: records after the poison on its partition were applied.
            let households = try await TopicReader.readAll(["entas.households"], partitions: 16, settings: system.kafkaSettings)
            let poisonRecord = households.first { $0.eventID?.lowercased() == poisonID?.lowercased() }
            let later = households.filter { $0.partition == poisonRecord?.partition && $0.offset > (poisonRecord?.offset ?? .max) }
            let laterIDs = Set(later.compactMap { $0.eventID?.lowercased() })
            let applied = Set(try StoreReader.read(coordinator) { try String.fetchAll($0, sql: "SELECT lower(eventId) FROM inboxEntry") })
            verdict.check(!later.isEmpty && laterIDs.isSubset(of: applied), "\(later.count) later records on the poison's partition, all applied")
            verdict.check(try await DevHTTP.send("GET", system.url("coordinator") + "/health").status == 200, "the coordinator is not healthy after the poison")
            let integrity = verdict.checkIntegrity(of: system, after: "the poison event")
            let present = try StoreReader.read(coordinator) { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household WHERE key IN (\(keys.map { "'\($0)'" }.joined(separator: ",")))") ?? 0
            }
            let poisonApplied = try StoreReader.count(coordinator, "SELECT COUNT(*) FROM household WHERE key = ?", [poisonKey])
            FaultSummary.shared.record(
                "poison event at the coordinator", events: others.count + 1, lost: Layers.shortfall([present], expected: others.count) + (letter == nil ? 1 : 0),
                duplicated: poisonApplied,
                note: "dead-lettered (apply-failed, 3 attempts) \(deadLettered.text) after publishing; \(later.count) later records of its partition applied; \(integrity)",
                since: start, passed: verdict.passed)
        }

        // MARK: Privacy

        /// The coordinator's store and every log line of the run hold no KK, NIK or name.
        func privacyScan(_ system: FaultSystem, households numbers: [Int]) throws {
            let verdict = Verdict()
            let start = ContinuousClock.now
            let identifiers = Set(numbers.flatMap { [Households.kk($0), Households.nik($0)] })
            let files = Probes.storeFiles(system.database("coordinator")) + system.logs
            let findings = Probes.personalData(in: files, identifiers: identifiers, marker: Households.nameMarker)
            verdict.check(findings.isEmpty, "personal data found: \(findings)")
            let lines = system.logs.reduce(0) { $0 + ((try? String(contentsOf: $1, encoding: .utf8))?.split(separator: "\n").count ?? 0) }
            let integrity = verdict.checkIntegrity(of: system, after: "the whole-system scenarios")
            FaultSummary.shared.record(
                "privacy scan (whole system)", events: numbers.count,
                note: "coordinator store and \(lines) log lines: \(findings.isEmpty ? "no KK, NIK or name" : findings.joined(separator: ", ")); \(integrity)",
                since: start, passed: verdict.passed)
        }
    }
}
