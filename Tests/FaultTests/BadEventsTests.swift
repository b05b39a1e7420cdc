import EntasKafka
import Foundation
import Testing

extension Faults {
    /// Records no service can read, published straight to `entas.households` as a broken or
    /// hostile publisher would: every consumer group sends each to `entas.dead-letter` with
    /// its reason, applies nothing of it, and goes on with the next record.
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

        static func registration(_ number: Int) -> [String: Any] {
            var payload = Households.registration(number)
            payload["registeredBy"] = "socialAid"
            return payload
        }

        static func headers(type: String = "id.go.jatim.entas.household.registered.v1") -> [String: String] {
            [
                "ce_specversion": "1.0", "ce_id": UUID().uuidString.lowercased(), "ce_source": "/entas/faults", "ce_type": type,
                "ce_time": "2027-02-01T03:04:05.000Z", "content-type": "application/json",
            ]
        }

        static var cases: [Case] {
            func payload(_ number: Int, _ change: (inout [String: Any]) -> Void) -> Data {
                var object = registration(number)
                change(&object)
                return HTTPClient.json(object)
            }
            var noID = headers()
            noID["ce_id"] = nil
            var noSpec = headers()
            noSpec["ce_specversion"] = nil
            return [
                Case(name: "invalid JSON", reason: "invalid-json", number: 700_001, headers: headers(), value: Data(#"{"kkNumber":"3509310000700001","headNIK":"#.utf8)),
                Case(name: "unknown type", reason: "unknown-type", number: 700_002, headers: headers(type: "id.go.jatim.entas.household.teleported.v1"), value: payload(700_002) { _ in }),
                Case(name: "unsupported version", reason: "unsupported-version", number: 700_003, headers: headers(type: "id.go.jatim.entas.household.registered.v7"), value: payload(700_003) { _ in }),
                Case(name: "missing field (desaCode)", reason: "missing-field", number: 700_004, headers: headers(), value: payload(700_004) { $0["desaCode"] = nil }),
                Case(name: "invalid KK", reason: "invalid-field", number: 700_005, headers: headers(), value: payload(700_005) { $0["kkNumber"] = "35093100007000X5" }),
                Case(name: "invalid NIK (month 13)", reason: "invalid-field", number: 700_006, headers: headers(), value: payload(700_006) { $0["headNIK"] = "3509315513600001" }),
                Case(name: "unknown region code", reason: "invalid-field", number: 700_007, headers: headers(), value: payload(700_007) { $0["desaCode"] = "35.09.31.2999" }),
                Case(name: "value over 1 MiB", reason: "too-large", number: 700_008, headers: headers(), value: payload(700_008) { $0["address"] = String(repeating: "Dusun Krajan ", count: 90_000) }),
                Case(name: "missing ce_id header", reason: "missing-header", number: 700_009, headers: noID, value: payload(700_009) { _ in }),
                Case(name: "missing ce_specversion header", reason: "missing-header", number: 700_010, headers: noSpec, value: payload(700_010) { _ in }),
            ]
        }

        @Test("each bad record is dead-lettered by every group with its reason; nothing of it is applied; the next record is")
        func badEvents() async throws {
            try await FaultSystem.with("bad-events") { system in
                try await system.start(["coordinator"] + FaultSystem.clusters)
                try await run(system)
            }
        }

        func run(_ system: FaultSystem) async throws {
            let start = ContinuousClock.now
            let verdict = Verdict()
            var settings = system.kafkaSettings
            settings.properties["message.max.bytes"] = "4000000"  // the hostile publisher may send more than 1 MiB
            let producer = try KafkaProducer(settings: settings, logger: FaultSystem.logger)
            let cases = Self.cases
            for item in cases {
                _ = try await producer.send(
                    KafkaOutgoingMessage(
                        topic: "entas.households", key: Households.kk(item.number),
                        headers: item.headers.map { KafkaHeader(name: $0.key, string: $0.value) }, value: item.value))
            }
            await producer.shutdown()
            // Then a good household, through a service, after the bad records.
            let good = 700_100
            let answer = try await HTTPClient.send("POST", system.url("social-aid") + "/v1/households", token: system.token("social-aid"), body: HTTPClient.json(Households.registration(good)))
            verdict.check(answer.status == 201, "the good registration: \(answer.status)")
            let goodKey = try CoordinatorView.key(Households.kk(good), secretHex: system.secretHex)
            try await eventually("every service has the good household after the bad records", timeout: .seconds(120), every: .milliseconds(500)) {
                var found = try StoreReader.count(system.database("coordinator"), "SELECT COUNT(*) FROM household WHERE key = ?", [goodKey])
                for cluster in FaultSystem.clusters {
                    found += try StoreReader.count(system.database(cluster), "SELECT COUNT(*) FROM householdReplica WHERE kkNumber = ?", [Households.kk(good)])
                }
                return found == 5
            }

            var letters: [TopicReader.Record] = []
            try await eventually("\(cases.count * Self.groups.count) dead letters", timeout: .seconds(60), every: .seconds(1)) {
                letters = try await TopicReader.readAll(["entas.dead-letter"], partitions: 1, settings: system.kafkaSettings)
                return letters.count >= cases.count * Self.groups.count
            }
            var missing = 0
            var reasons: [String] = []
            for item in cases {
                let key = Households.kk(item.number)
                for group in Self.groups {
                    let letter = letters.first { $0.key == key && $0.headers["entas_consumer_group"] == group }
                    guard let letter else {
                        missing += 1
                        verdict.check(false, "\(item.name): no dead letter from \(group)")
                        continue
                    }
                    let reason = letter.headers["entas_dead_letter_reason"] ?? "none"
                    verdict.check(reason == item.reason, "\(item.name) at \(group): reason \(reason), expected \(item.reason)")
                    verdict.check(!(letter.headers["entas_dead_letter_detail"] ?? "").isEmpty, "\(item.name) at \(group): no detail")
                    verdict.check(letter.headers["entas_original_topic"] == "entas.households", "\(item.name): original topic")
                }
                reasons.append(item.reason)
            }
            verdict.check(letters.count == cases.count * Self.groups.count, "\(letters.count) dead letters for \(cases.count) records × \(Self.groups.count) groups")

            // Nothing applied: no bad event id in any inbox, no bad household anywhere.
            let badIDs = cases.compactMap { $0.headers["ce_id"] }
            let badKKs = cases.map { Households.kk($0.number) }
            let badKeys = try badKKs.map { try CoordinatorView.key($0, secretHex: system.secretHex) }
            var applied = 0
            for name in ["coordinator"] + FaultSystem.clusters {
                let path = system.database(name)
                applied += try StoreReader.count(path, "SELECT COUNT(*) FROM inboxEntry WHERE lower(eventId) IN (\(badIDs.map { "'\($0)'" }.joined(separator: ",")))")
                applied += name == "coordinator"
                    ? try StoreReader.count(path, "SELECT COUNT(*) FROM household WHERE key IN (\(badKeys.map { "'\($0)'" }.joined(separator: ",")))")
                    : try StoreReader.count(path, "SELECT COUNT(*) FROM householdReplica WHERE kkNumber IN (\(badKKs.map { "'\($0)'" }.joined(separator: ",")))")
            }
            verdict.check(applied == 0, "\(applied) effects of bad records in the stores")

            // Details name no KK, NIK or name (the records themselves keep them: the topic is for operators).
            let identifiers = Set(cases.flatMap { [Households.kk($0.number), Households.nik($0.number)] } + ["35093100007000X5", "3509315513600001"])
            let leaking = letters.filter { letter in
                let detail = letter.headers["entas_dead_letter_detail"] ?? ""
                return detail.contains(Households.nameMarker) || identifiers.contains { detail.contains($0) }
            }
            verdict.check(leaking.isEmpty, "\(leaking.count) dead-letter details hold a KK, NIK or name")
            for name in ["coordinator"] + FaultSystem.clusters {
                let health = try await HTTPClient.send("GET", system.url(name) + "/health")
                verdict.check(health.status == 200, "\(name) after the bad records: /health \(health.status)")
            }
            let integrity = verdict.checkIntegrity(of: system, after: "the bad events")
            let findings = Probes.personalData(in: system.logs, identifiers: identifiers, marker: Households.nameMarker)
            verdict.check(findings.isEmpty, "personal data in the logs: \(findings)")
            FaultSummary.shared.record(
                "bad events (\(cases.count) kinds × 5 groups)", events: cases.count, lost: missing, duplicated: applied,
                note: "dead-lettered: \(Set(reasons).sorted().joined(separator: ", ")); nothing applied; the next record applied by all; \(integrity)",
                since: start, passed: verdict.passed)
        }
    }
}
