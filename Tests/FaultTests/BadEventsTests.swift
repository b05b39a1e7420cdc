import EntasCluster
import EntasDev
import EntasTestKit
import EntasKafka
import Foundation
import Testing

extension Faults {
    /// Records no service can read, published straight to `entas.households` as a broken or
    /// hostile publisher would: every consumer group sends each to `entas.dead-letter` with
    /// its reason, applies nothing of it, and goes on: each bad record is followed by a good
    /// one with the same key (so on the same partition, right after it), which every group
    /// applies.
    @Suite("Bad events", .serialized, .timeLimit(.minutes(8)))
    struct BadEvents {
        static let groups = ["entas-coordinator", "entas-social-aid", "entas-empowerment", "entas-umkm", "entas-low-cost"]

        /// A bad record: what is wrong, the reason every group must give, headers and value.
        struct Case {
            var name: String
            var reason: String
            var number: Int
            var headers: [String: String]
            var value: Data
        }

        static func registration(_ number: Int) throws -> [String: Any] {
            var payload = JSONBody.object(try Households.registration(number))
            payload["registeredBy"] = "socialAid"
            return payload
        }

        static func headers(type: String = "id.go.jatim.entas.household.registered.v1") -> [String: String] {
            [
                "ce_specversion": "1.0", "ce_id": UUID().lowercaseText, "ce_source": "/entas/faults", "ce_type": type,
                "ce_time": "2027-02-01T03:04:05.000Z", "content-type": "application/json",
            ]
        }

        static var cases: [Case] {
            get throws { try makeCases() }
        }

        static func makeCases() throws -> [Case] {
            func payload(_ number: Int, _ change: (inout [String: Any]) -> Void) throws -> Data {
                var object = try registration(number)
                change(&object)
                return DevHTTP.json(object: object)
            }
            var noID = headers()
            noID["ce_id"] = nil
            var noSpec = headers()
            noSpec["ce_specversion"] = nil
            return [
                Case(name: "invalid JSON", reason: "invalid-json", number: 700_001, headers: headers(), value: Data(#"{"kkNumber":"3509310000700001","headNIK":"#.utf8)),
                Case(name: "unknown type", reason: "unknown-type", number: 700_002, headers: headers(type: "id.go.jatim.entas.household.teleported.v1"), value: try payload(700_002) { _ in }),
                Case(name: "unsupported version", reason: "unsupported-version", number: 700_003, headers: headers(type: "id.go.jatim.entas.household.registered.v7"), value: try payload(700_003) { _ in }),
                Case(name: "missing field (desaCode)", reason: "missing-field", number: 700_004, headers: headers(), value: try payload(700_004) { $0["desaCode"] = nil }),
                Case(name: "invalid KK", reason: "invalid-field", number: 700_005, headers: headers(), value: try payload(700_005) { $0["kkNumber"] = "35093100007000X5" }),
                Case(name: "invalid NIK (month 13)", reason: "invalid-field", number: 700_006, headers: headers(), value: try payload(700_006) { $0["headNIK"] = "3509315513600001" }),
                Case(name: "unknown region code", reason: "invalid-field", number: 700_007, headers: headers(), value: try payload(700_007) { $0["desaCode"] = "35.09.31.2999" }),
                Case(name: "value over 1 MiB", reason: "too-large", number: 700_008, headers: headers(), value: try payload(700_008) { $0["address"] = String(repeating: "Dusun Krajan ", count: 90_000) }),
                Case(name: "missing ce_id header", reason: "missing-header", number: 700_009, headers: noID, value: try payload(700_009) { _ in }),
                Case(name: "missing ce_specversion header", reason: "missing-header", number: 700_010, headers: noSpec, value: try payload(700_010) { _ in }),
            ]
        }

        @Test("each bad record is dead-lettered by every group with its reason; nothing of it is applied; the good record after it on its partition is")
        func badEvents() async throws {
            try await FaultSystem.with("bad-events") { system in
                try await system.start(["coordinator"] + FaultSystem.clusters)
                try await run(system)
            }
        }

        /// The good record published right after `item` on its partition: a valid registration
        /// of household `number + 100` under the bad record's key (the key picks the partition).
        static func follower(of item: Case) throws -> (number: Int, message: KafkaOutgoingMessage, id: String) {
            let number = item.number + 100
            let headers = headers()
            let message = KafkaOutgoingMessage(
                topic: "entas.households", key: Households.kk(item.number), headers: headers.map { KafkaHeader(name: $0.key, string: $0.value) },
                value: DevHTTP.json(object: try registration(number)))
            return (number, message, headers["ce_id"] ?? "")
        }

        func run(_ system: FaultSystem) async throws {
            let start = ContinuousClock.now
            let verdict = Verdict()
            var settings = system.kafkaSettings
            settings.properties["message.max.bytes"] = "4000000"  // the hostile publisher may send more than 1 MiB
            let producer = try KafkaProducer(settings: settings, logger: FaultSystem.logger)
            let cases = try Self.cases
            let followers = try cases.map(Self.follower)
            // Each bad record, then at once a good one with the same key: the good one lands on
            // the bad one's partition, after it (each send waits for its acknowledgement).
            var placed: [(bad: DeliveryReport, good: DeliveryReport)] = []
            for (item, follower) in zip(cases, followers) {
                let bad = try await producer.send(
                    KafkaOutgoingMessage(
                        topic: "entas.households", key: Households.kk(item.number),
                        headers: item.headers.map { KafkaHeader(name: $0.key, string: $0.value) }, value: item.value))
                placed.append((bad, try await producer.send(follower.message)))
            }
            await producer.shutdown()
            for (item, (bad, good)) in zip(cases, placed) {
                verdict.check(
                    good.partition == bad.partition && good.offset > bad.offset,
                    "\(item.name): the good record is at \(good.partition)/\(good.offset), the bad one at \(bad.partition)/\(bad.offset)")
            }

            // Every good record applied by every group: its event id in each store's inbox, its
            // household in the coordinator's table and in each cluster's replica.
            let stores = ["coordinator"] + FaultSystem.clusters
            let goodIDs = followers.map { $0.id.lowercased() }
            let goodKKs = followers.map { Households.kk($0.number) }
            let goodKeys = try goodKKs.map { try CoordinatorView.key($0, secretHex: system.secretHex) }
            func appliedGood(_ name: String) throws -> (events: Int, households: Int) {
                let path = system.database(name)
                let events = try StoreReader.count(path, "SELECT COUNT(*) FROM inboxEntry WHERE lower(eventId) IN (\(Self.quoted(goodIDs)))")
                let households = name == "coordinator"
                    ? try StoreReader.count(path, "SELECT COUNT(*) FROM household WHERE key IN (\(Self.quoted(goodKeys)))")
                    : try StoreReader.count(path, "SELECT COUNT(*) FROM householdReplica WHERE kkNumber IN (\(Self.quoted(goodKKs)))")
                return (events, households)
            }
            try? await eventually("every group applies the \(followers.count) good records after the bad ones", timeout: .seconds(120), every: .milliseconds(500)) {
                try stores.allSatisfy { name in
                    let applied = try appliedGood(name)
                    return applied.events == followers.count && applied.households == followers.count
                }
            }
            var goodMissing = 0
            for name in stores {
                let applied = try appliedGood(name)
                verdict.check(
                    applied.events == followers.count && applied.households == followers.count,
                    "\(name) applied \(applied.events) of the \(followers.count) good records (\(applied.households) households)")
                goodMissing += Layers.shortfall([applied.events], expected: followers.count)
            }

            // Each bad record dead-lettered once by every group, with its reason; no good one.
            var letters: [TopicReader.Record] = []
            try await eventually("\(cases.count * Self.groups.count) dead letters", timeout: .seconds(60), every: .seconds(1)) {
                letters = try await TopicReader.readAll(["entas.dead-letter"], partitions: 1, settings: system.kafkaSettings)
                return letters.count >= cases.count * Self.groups.count
            }
            func deadLetters(of report: DeliveryReport, key: String, group: String) -> [TopicReader.Record] {
                letters.filter {
                    $0.key == key && $0.headers["entas_consumer_group"] == group && $0.headers["entas_original_topic"] == "entas.households"
                        && $0.headers["entas_original_partition"] == "\(report.partition)" && $0.headers["entas_original_offset"] == "\(report.offset)"
                }
            }
            var missing = 0, extraLetters = 0
            var reasons: [String] = []
            for (item, (bad, good)) in zip(cases, placed) {
                let key = Households.kk(item.number)
                for group in Self.groups {
                    let found = deadLetters(of: bad, key: key, group: group)
                    extraLetters += max(0, found.count - 1)
                    let wrongly = deadLetters(of: good, key: key, group: group).count
                    extraLetters += wrongly
                    verdict.check(wrongly == 0, "\(item.name): the good record after it was dead-lettered by \(group)")
                    guard let letter = found.first else {
                        missing += 1
                        verdict.check(false, "\(item.name): no dead letter from \(group)")
                        continue
                    }
                    verdict.check(found.count == 1, "\(item.name): \(found.count) dead letters from \(group)")
                    let reason = letter.headers["entas_dead_letter_reason"] ?? "none"
                    verdict.check(reason == item.reason, "\(item.name) at \(group): reason \(reason), expected \(item.reason)")
                    verdict.check(!(letter.headers["entas_dead_letter_detail"] ?? "").isEmpty, "\(item.name) at \(group): no detail")
                }
                reasons.append(item.reason)
            }
            verdict.check(letters.count == cases.count * Self.groups.count, "\(letters.count) dead letters for \(cases.count) records × \(Self.groups.count) groups")

            // Nothing of a bad record applied: no bad event id in any inbox, no bad household anywhere.
            let badIDs = cases.compactMap { $0.headers["ce_id"] }
            let badKKs = cases.map { Households.kk($0.number) }
            let badKeys = try badKKs.map { try CoordinatorView.key($0, secretHex: system.secretHex) }
            var applied = 0
            for name in stores {
                let path = system.database(name)
                applied += try StoreReader.count(path, "SELECT COUNT(*) FROM inboxEntry WHERE lower(eventId) IN (\(Self.quoted(badIDs)))")
                applied += name == "coordinator"
                    ? try StoreReader.count(path, "SELECT COUNT(*) FROM household WHERE key IN (\(Self.quoted(badKeys)))")
                    : try StoreReader.count(path, "SELECT COUNT(*) FROM householdReplica WHERE kkNumber IN (\(Self.quoted(badKKs)))")
            }
            verdict.check(applied == 0, "\(applied) effects of bad records in the stores")

            // Details name no KK, NIK or name (the records themselves keep them: the topic is for operators).
            let identifiers = Set(cases.flatMap { [Households.kk($0.number), Households.nik($0.number)] } + ["35093100007000X5", "3509315513600001"])
            let leaking = letters.filter { letter in
                let detail = letter.headers["entas_dead_letter_detail"] ?? ""
                return detail.contains(Households.nameMarker) || identifiers.contains { detail.contains($0) }
            }
            verdict.check(leaking.isEmpty, "\(leaking.count) dead-letter details hold a KK, NIK or name")
            for name in stores {
                let health = try await DevHTTP.send("GET", system.url(name) + "/health")
                verdict.check(health.status == 200, "\(name) after the bad records: /health \(health.status)")
            }
            let integrity = verdict.checkIntegrity(of: system, after: "the bad events")
            let findings = Probes.personalData(in: system.logs, identifiers: identifiers, marker: Households.nameMarker)
            verdict.check(findings.isEmpty, "personal data in the logs: \(findings)")
            FaultSummary.shared.record(
                "bad events (\(cases.count) kinds × 5 groups)", events: cases.count + followers.count, lost: missing + goodMissing,
                duplicated: applied + extraLetters,
                note: "dead-lettered: \(Set(reasons).sorted().joined(separator: ", ")); nothing applied; each followed on its partition by a good record, applied by all 5 groups; \(integrity)",
                since: start, passed: verdict.passed)
        }

        /// `'a','b'` for an SQL `IN (…)` of values the test made (UUIDs, digits, hex keys).
        static func quoted(_ values: [String]) -> String {
            values.map { "'\($0)'" }.joined(separator: ",")
        }
    }
}
