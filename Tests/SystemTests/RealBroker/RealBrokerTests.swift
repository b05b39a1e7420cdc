import EntasDev
import EntasKafka
import EntasTestKit
import Foundation
import Testing

/// The real-broker suite (`make real-broker`, part of `make test`): Tansu as a child process on
/// loopback, and the real executables on it with librdkafka >= 2.2 loaded through
/// `LD_LIBRARY_PATH` (the system's 2.0.2 serves the embedded mock only). The product still links
/// the system's librdkafka; the other suites test it on the mock.
@Suite("Entas on a real Kafka broker (Tansu)", .serialized, .timeLimit(.minutes(15)), .english)
struct RealBrokerTests {
    @Test("entas topics create lays out the six topics on Tansu, and a second run leaves them alone and says so")
    func topicsCreate() async throws {
        let tools = try RealBrokerTools.located()
        try await TansuBroker.with(tools: tools) { tansu in try await topicsCreate(tools: tools, tansu: tansu) }
    }

    func topicsCreate(tools: RealBrokerTools, tansu: TansuBroker) async throws {
        let arguments = ["topics", "create", "--kafka-bootstrap-servers", tansu.bootstrapServers, "--replication-factor", "1"]

        let first = try await OneShotCommand.outcome(built: "entas", arguments, environment: tools.environment())
        #expect(first.status == 0, "\(first.output)")
        for (topic, partitions) in [
            ("entas.households", 8), ("entas.social-aid", 8), ("entas.empowerment", 4), ("entas.umkm", 4), ("entas.low-cost", 4),
            ("entas.dead-letter", 1),
        ] {
            let line = first.output.split(separator: "\n").first { $0.hasPrefix(topic + " ") } ?? ""
            #expect(line.contains("created") && line.contains("\(partitions) partition"), "\(topic): \(line)")
        }
        #expect(first.output.contains("kept 30 days"), "the dead letters are kept 30 days: \(first.output)")

        let second = try await OneShotCommand.outcome(built: "entas", arguments, environment: tools.environment())
        #expect(second.status == 0, "\(second.output)")
        let lines = second.output.split(separator: "\n")
        #expect(lines.count == 6 && lines.allSatisfy { $0.contains("already there") && $0.contains("left alone") }, "\(second.output)")

        // Debian 12's librdkafka (2.0.2) cannot reach Tansu: the error says so and what to do.
        if !KafkaLibrary.servesEveryBroker {
            let old = try await OneShotCommand.outcome(built: "entas", arguments + ["--timeout", "3"])
            #expect(old.status != 0)
            #expect(old.output.contains("librdkafka \(KafkaLibrary.version)") && old.output.contains("2.2 or later"), "\(old.output)")
        }
    }

    @Test("entas dev on Tansu reaches Sumberjambe's figures; /metrics and /v1/freshness answer within 1 s with librdkafka's fetch wait; a kafka-python client's registrations reach every service, and it reads every topic with its CloudEvents headers")
    func wholeSystemOnTansu() async throws {
        let tools = try RealBrokerTools.located()
        try await TansuBroker.with(tools: tools) { tansu in try await wholeSystem(tools: tools, tansu: tansu) }
    }

    func wholeSystem(tools: RealBrokerTools, tansu: TansuBroker) async throws {
        // fetch.wait.max.ms=500 is librdkafka's default: the long poll that once held /metrics for 14 s.
        let dev = try EntasDevProcess(
            arguments: ["--demo", "plan", "--kafka-bootstrap-servers", tansu.bootstrapServers, "--kafka", "fetch.wait.max.ms=500"],
            environment: tools.environment())
        defer { dev.remove() }
        try await dev.waitFor("Serving until Ctrl-C", timeout: .seconds(600))
        let version = try #require(dev.output.firstMatch(of: /librdkafka (\d+)\.(\d+)/), "entas dev names its librdkafka")
        #expect((Int(version.1) ?? 0, Int(version.2) ?? 0) >= (2, 2), "librdkafka \(version.0) on Tansu")
        #expect(dev.output.contains("entas.households   created"), "\(dev.output.prefix(2_000))")

        let tokens = try dev.tokens()
        let coordinator = try #require(tokens["ENTAS_COORDINATOR_URL"])
        let token = try #require(tokens["ENTAS_TOKEN"])
        #expect(tokens["KAFKA_BOOTSTRAP_SERVERS"] == tansu.bootstrapServers)

        // The same figures as on the embedded broker: PPLS 2008's 12,827 = 1,485 + 5,574 + 5,768.
        let overview = try await DevHTTP.send("GET", coordinator + "/v1/overview?region=35.09&depth=1", token: token).object
        let rows = overview["regions"] as? [[String: Any]] ?? []
        let totals = try #require(rows.first { $0["code"] as? String == "35.09.31" }?["totals"] as? [String: Any])
        #expect(totals["households"] as? Int == 12_827)
        #expect(totals["baselineSangatMiskin"] as? Int == 1_485)
        #expect(totals["baselineMiskin"] as? Int == 5_574)
        #expect(totals["baselineHampirMiskin"] as? Int == 5_768)
        let plan = try await DevHTTP.send("GET", coordinator + "/v1/plan?region=35.09.31&period=2025", token: token).object
        #expect((plan["need"] as? [String: Any])?["sangatMiskin"] as? Int == 1_485)
        #expect((plan["commitments"] as? [[String: Any]] ?? []).count >= 4, "the four clusters' commitments")

        // The lag is read from what each consumer knows: no request waits behind a fetch long poll.
        let services = DevService.all(basePort: dev.basePort)
        var slowest: Duration = .zero
        for _ in 0..<5 {
            for service in services {
                let started = ContinuousClock.now
                let metrics = try await DevHTTP.send("GET", service.url + "/metrics")
                slowest = max(slowest, ContinuousClock.now - started)
                #expect(metrics.status == 200 && metrics.text.contains("entas_consumer_lag"), "\(service.name) /metrics")
            }
            let started = ContinuousClock.now
            let freshness = try await DevHTTP.send("GET", coordinator + "/v1/freshness", token: token)
            slowest = max(slowest, ContinuousClock.now - started)
            #expect(freshness.status == 200)
            #expect((freshness.object["partitions"] as? [Any])?.isEmpty == false, "the coordinator knows its partitions: \(freshness.text)")
        }
        #expect(slowest < .seconds(1), "the slowest /metrics or /v1/freshness took \(slowest)")
        print("real broker: slowest of 25 /metrics and 5 /v1/freshness requests on Tansu with fetch.wait.max.ms=500: \(slowest)")

        // kafka-python (no librdkafka) publishes households as docs/events.md writes them.
        let client = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("kafka_python_client.py")
        let published = try await OneShotCommand.outcome(tools.python, [client.path, "publish", tansu.bootstrapServers, "20"])
        #expect(published.status == 0, "\(published.output.suffix(2_000))")
        let kks = try #require(Self.json(published.output)["published"] as? [String])
        #expect(kks.count == 20)
        for service in services {
            let serviceToken = try #require(tokens[service.tokenVariable])
            let deadline = ContinuousClock.now + .seconds(60)
            var missing = kks
            while !missing.isEmpty, ContinuousClock.now < deadline {
                var still: [String] = []
                for kk in missing where try await DevHTTP.send("GET", service.url + "/v1/households/\(kk)", token: serviceToken).status != 200 {
                    still.append(kk)
                }
                missing = still
                if !missing.isEmpty { try await Task.sleep(for: .milliseconds(250)) }
            }
            #expect(missing.isEmpty, "\(service.name) has not applied \(missing.count) of kafka-python's 20 registrations")
        }

        // kafka-python reads each event topic whole, in a group of its own: every record has every CloudEvents header.
        let freshness = try await DevHTTP.send("GET", coordinator + "/v1/freshness", token: token).object
        var records: [String: Int] = [:]
        for partition in freshness["partitions"] as? [[String: Any]] ?? [] {
            guard let topic = partition["topic"] as? String else { continue }
            records[topic, default: 0] += partition["highWatermark"] as? Int ?? 0
        }
        #expect(records.count == 5, "the coordinator reads the five event topics: \(records)")
        let read = try await OneShotCommand.outcome(
            tools.python, [client.path, "read", tansu.bootstrapServers] + records.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        #expect(read.status == 0, "\(read.output.suffix(2_000))")
        let seen = Self.json(read.output)
        for (topic, count) in records {
            let result = seen[topic] as? [String: Any] ?? [:]
            #expect(result["records"] as? Int == count, "kafka-python read \(result["records"] ?? "nothing") of \(count) records on \(topic)")
            #expect(result["withoutHeaders"] as? Int == 0, "records without a CloudEvents header on \(topic): \(result)")
        }

        print("real broker: kafka-python read \(records.values.reduce(0, +)) records on \(records.count) topics, each with every CloudEvents header")
        let exit = await dev.interruptAndWait()
        #expect(exit == 0, "entas dev ended with \(String(describing: exit)):\n\(dev.output.suffix(2_000))")
    }

    /// The JSON object on the last line of a client's output.
    static func json(_ output: String) -> [String: Any] {
        let line = output.split(separator: "\n").last.map(String.init) ?? ""
        return (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
    }
}
