import EntasDev
import Foundation
import Testing

extension Faults {
    /// `entas-<service> kafka-config` of each of the five executables, run as a child process
    /// with SASL_SSL settings in `KAFKA_*` variables, a `kafka.<name>` variable and `--kafka` flags: what it prints is what
    /// librdkafka holds for the service's producer and consumer, the values given arrive
    /// unchanged (under librdkafka's names), a flag wins over its variable, the password is
    /// never printed, and no store is created. Nothing listens at the brokers named.
    @Suite("Kafka properties reach librdkafka", .serialized, .timeLimit(.minutes(5)))
    struct KafkaProperties {
        static let password = "faults-password-\(UUID().uuidString)"

        static func environment(database: String) -> [String: String] {
            [
                "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:9,127.0.0.1:10",
                "KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
                "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME": "dinsos-faults",
                "KAFKA_SASL_PASSWORD": password,
                "KAFKA_MESSAGE_MAX_BYTES": "1500000",
                // A consumer-only and a producer-only property: each reaches its own kind of client only.
                "KAFKA_FETCH_WAIT_MAX_MS": "25",
                "KAFKA_LINGER_MS": "7",
                // By its exact name, underscore kept: a property KAFKA_* cannot spell.
                "kafka.enable_sasl_queue": "true",
                "ENTAS_DATABASE": database,
            ]
        }

        /// The flags: one property only a flag sets, one a flag sets over its variable.
        static let flags = ["--kafka", "socket.keepalive.enable=true", "--kafka", "message.max.bytes=2000000"]

        /// What librdkafka must hold, by client, for the service `name`.
        static func expected(_ name: String) -> [String: [String: String]] {
            let common = [
                "metadata.broker.list": "127.0.0.1:9,127.0.0.1:10", "security.protocol": "sasl_ssl", "sasl.mechanisms": "SCRAM-SHA-512",
                "sasl.username": "dinsos-faults", "sasl.password": "(set)", "socket.keepalive.enable": "true", "message.max.bytes": "2000000",
                "enable_sasl_queue": "true",
            ]
            return [
                "producer": common.merging([
                    "client.id": "entas-\(name)", "enable.idempotence": "true", "request.required.acks": "-1",
                    "queue.buffering.max.ms": "7", "fetch.wait.max.ms": "500",
                ]) { $1 },
                "consumer": common.merging([
                    "client.id": "entas-\(name)-entas-\(name)", "group.id": "entas-\(name)", "enable.auto.offset.store": "false",
                    "fetch.wait.max.ms": "25", "queue.buffering.max.ms": "5",
                    // serve's read-ahead: about a batch (the coordinator's are 8,192 events, a service's 256), at least 8 MiB.
                    "queued.max.messages.kbytes": "8192",
                ]) { $1 },
            ]
        }

        @Test("kafka-config of every executable prints the SASL_SSL settings as librdkafka holds them, never the password, and creates no store")
        func kafkaConfig() async throws {
            let start = ContinuousClock.now
            let verdict = Verdict()
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entas-faults-kafka-\(UUID().uuidString.prefix(6))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            var checked = 0
            for (name, executable) in FaultSystem.executables.sorted(by: { $0.key < $1.key }) {
                let database = directory.appendingPathComponent("\(name)/\(name).sqlite").path
                let environment = Self.environment(database: database)
                let json = name == "coordinator"
                // The coordinator takes its serve flags, the household key secret among them (not read).
                let arguments = ["kafka-config"] + Self.flags + (json ? ["--json", "--household-key-secret-file", "/nonexistent/secret"] : [])
                let run = try await OneShotCommand.outcome(built: executable, arguments, environment: environment)
                verdict.check(run.status == 0, "\(executable) kafka-config: exit \(run.status): \(run.output.suffix(1_000))")
                let printed = json ? Self.parseJSON(run.output) : Self.parseText(run.output)
                for (client, properties) in Self.expected(name).sorted(by: { $0.key < $1.key }) {
                    for (property, value) in properties.sorted(by: { $0.key < $1.key }) {
                        checked += 1
                        let seen = printed[client]?[property]
                        verdict.check(seen == value, "\(executable) \(client) \(property): \(seen ?? "not printed"), expected \(value)")
                    }
                }
                verdict.check((printed["producer"]?.count ?? 0) > 50, "\(executable) printed \(printed["producer"]?.count ?? 0) producer properties")
                verdict.check(!run.output.contains(Self.password), "\(executable) kafka-config printed the password")
                verdict.check(!FileManager.default.fileExists(atPath: database), "\(executable) kafka-config created its store")

                let help = try await OneShotCommand.outcome(built: executable, ["--help"], environment: environment)
                verdict.check(help.output.contains("kafka-config"), "\(executable) --help does not list kafka-config: \(help.output.prefix(600))")
            }

            // A property librdkafka does not know: refused, named, and still no password shown.
            let refused = try await OneShotCommand.outcome(
                built: "entas-social-aid", ["kafka-config", "--kafka", "sasl.usernam=dinsos-faults"],
                environment: Self.environment(database: directory.appendingPathComponent("refused.sqlite").path))
            verdict.check(refused.status != 0 && refused.output.contains("'sasl.usernam'"), "an unknown property: exit \(refused.status): \(refused.output.suffix(600))")
            verdict.check(!refused.output.contains(Self.password), "the refusal printed the password")
            let stores = (try? FileManager.default.subpathsOfDirectory(atPath: directory.path))?.filter { $0.hasSuffix(".sqlite") } ?? []
            verdict.check(stores.isEmpty, "kafka-config created stores: \(stores)")

            FaultSummary.shared.record(
                "kafka properties reach librdkafka", broker: "-", events: checked,
                note: "kafka-config of the 5 executables (child processes, SASL_SSL from KAFKA_*, --kafka over its variable): every value as given in producer and consumer, consumer-only and producer-only properties on their own clients only, sasl.password (set), the password never printed, no store created; an unknown property refused by name",
                since: start, passed: verdict.passed)
        }

        /// `[producer]` / `[consumer]` sections of `name=value` lines; other lines are ignored.
        static func parseText(_ output: String) -> [String: [String: String]] {
            var clients: [String: [String: String]] = [:]
            var section: String?
            for line in output.split(separator: "\n").map(String.init) {
                if line.hasPrefix("[") && line.hasSuffix("]") {
                    section = String(line.dropFirst().dropLast())
                } else if let section, let separator = line.firstIndex(of: "=") {
                    clients[section, default: [:]][String(line[..<separator])] = String(line[line.index(after: separator)...])
                }
            }
            return clients
        }

        /// `{"producer": {…}, "consumer": {…}}`, from the first `{` to the last `}` of the output.
        static func parseJSON(_ output: String) -> [String: [String: String]] {
            guard let first = output.firstIndex(of: "{"), let last = output.lastIndex(of: "}"),
                let object = try? JSONSerialization.jsonObject(with: Data(output[first...last].utf8)) as? [String: [String: String]]
            else { return [:] }
            return object
        }
    }
}
