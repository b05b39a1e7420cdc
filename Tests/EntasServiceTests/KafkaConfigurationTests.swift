import EntasDomain
import EntasKafka
import EntasService
import Testing
import EntasTestKit

/// What `KAFKA_*` variables and `--kafka` flags become inside librdkafka, read back from the
/// clients themselves (`rd_kafka_conf_dump`), through the same path the executables take:
/// `ServiceOptions` → `ServiceConfiguration` → the producer and consumer.
@Suite("Kafka properties reach librdkafka unchanged", .english)
struct KafkaConfigurationTests {
    static let environment = [
        // Nothing listens here: the clients are created, never connected.
        "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:9,127.0.0.1:10",
        "KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
        "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
        "KAFKA_SASL_USERNAME": "dinsos-social-aid",
        "KAFKA_SASL_PASSWORD": "not-a-real-password",
        "KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM": "https",
        "KAFKA_SOCKET_KEEPALIVE_ENABLE": "true",
        "KAFKA_MESSAGE_MAX_BYTES": "2000000",
    ]

    func configuration(flags: [String] = []) throws -> ServiceConfiguration {
        let options = try ServiceOptions.parse(flags)
        return try options.configuration(service: "social-aid", defaultPort: 8081, environment: Self.environment)
    }

    @Test("SASL_SSL settings from the environment are what the producer and the consumer use")
    func saslSettings() throws {
        let kafka = try configuration().kafka
        let producer = try KafkaProducer(settings: kafka, logger: ServiceTestSupport.logger)
        let consumer = try KafkaConsumer(
            settings: KafkaConsumerSettings(kafka: kafka, groupID: "entas-social-aid", topics: ["entas.households"]), logger: ServiceTestSupport.logger)
        defer { Task { await consumer.close() } }
        for effective in [producer.effectiveConfiguration, consumer.effectiveConfiguration] {
            #expect(effective["metadata.broker.list"] == "127.0.0.1:9,127.0.0.1:10")
            #expect(effective["security.protocol"] == "sasl_ssl")
            #expect(effective["sasl.mechanisms"] == "SCRAM-SHA-512")
            #expect(effective["sasl.username"] == "dinsos-social-aid")
            #expect(effective["sasl.password"] == "(set)", "set, and never shown")
            #expect(effective["ssl.endpoint.identification.algorithm"] == "https")
            #expect(effective["socket.keepalive.enable"] == "true")
            #expect(effective["message.max.bytes"] == "2000000")
            #expect(effective["client.id"] == "entas-social-aid")
            #expect(!effective.properties.values.contains("not-a-real-password"))
        }
        // Entas's delivery guarantees, set before the caller's properties.
        #expect(producer.effectiveConfiguration["enable.idempotence"] == "true")
        #expect(producer.effectiveConfiguration["request.required.acks"] == "-1", "acks=all, as librdkafka writes it")
        #expect(consumer.effectiveConfiguration["enable.auto.offset.store"] == "false")
        #expect(consumer.effectiveConfiguration["group.id"] == "entas-social-aid")
    }

    @Test("a subscription's consumer reads about one batch ahead, not librdkafka's 64 MiB; a set property wins")
    func readAhead() async throws {
        var settings = EventSubscription.Settings()
        #expect(settings.readAheadKiB == 8_192, "at least 8 MiB")
        settings.maximumBatch = 8_192
        #expect(settings.readAheadKiB == 8_192, "the coordinator's batch")
        settings.maximumBatch = 16_384
        #expect(settings.readAheadKiB == 16_384)
        let configured = try configuration()
        let consumer = try KafkaConsumer(
            settings: ServiceRuntime.consumerSettings(
                configured, group: "entas-coordinator", topics: [.households], subscription: settings),
            logger: ServiceTestSupport.logger)
        #expect(consumer.effectiveConfiguration["queued.max.messages.kbytes"] == "16384")
        await consumer.close()
        let flagged = try configuration(flags: ["--kafka", "queued.max.messages.kbytes=4096"])
        let overridden = try KafkaConsumer(
            settings: ServiceRuntime.consumerSettings(
                flagged, group: "entas-coordinator", topics: [.households], subscription: settings),
            logger: ServiceTestSupport.logger)
        #expect(overridden.effectiveConfiguration["queued.max.messages.kbytes"] == "4096", "the operator's value wins")
        await overridden.close()
    }

    @Test("a --kafka flag wins over its variable, by the property's exact name")
    func flagWins() throws {
        let kafka = try configuration(flags: ["--kafka", "sasl.username=bapemas-empowerment", "--kafka", "socket.keepalive.enable=false"]).kafka
        let producer = try KafkaProducer(settings: kafka, logger: ServiceTestSupport.logger)
        #expect(producer.effectiveConfiguration["sasl.username"] == "bapemas-empowerment")
        #expect(producer.effectiveConfiguration["socket.keepalive.enable"] == "false")
    }

    @Test("kafka-config's report: both clients as serve builds them, sorted name=value lines and JSON, never the password")
    func report() async throws {
        let report = try await KafkaConfigReport.read(
            configuration: configuration(), group: "entas-social-aid", topics: [.households], logger: ServiceTestSupport.logger)
        #expect(report.producer["sasl.password"] == "(set)" && report.consumer["sasl.password"] == "(set)")
        #expect(report.consumer["group.id"] == "entas-social-aid")
        #expect(report.consumer["client.id"] == "entas-social-aid-entas-social-aid", "the client id of serve's subscription")
        #expect(report.producer["request.required.acks"] == "-1")
        #expect(report.consumer["queued.max.messages.kbytes"] == "8192", "serve's read-ahead: two batches of 256, at least 8 MiB")
        let lines = report.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "[producer]" && lines.contains("[consumer]"))
        let producerLines = Array(lines.dropFirst().prefix { !$0.isEmpty })
        let names = producerLines.map { String($0.prefix { $0 != "=" }) }
        #expect(names == names.sorted() && names == report.producer.keys.sorted(), "one line a property, sorted by name")
        #expect(producerLines.contains("security.protocol=sasl_ssl"))
        for output in [report.text, report.json] { #expect(!output.contains("not-a-real-password")) }
        #expect(report.json.contains(#""sasl.username" : "dinsos-social-aid""#))
    }

    @Test("a kafka.<name> variable sets the property by its exact name, underscores kept, over its KAFKA_* spelling; a flag wins over both")
    func exactNames() throws {
        var environment = Self.environment
        environment["kafka.enable_sasl_queue"] = "true"
        environment["kafka.sasl.username"] = "bapemas-empowerment"
        environment["kafka.socket.keepalive.enable"] = "false"
        let flags = ["--kafka", "socket.keepalive.enable=true"]
        let kafka = try ServiceOptions.parse(flags).configuration(service: "empowerment", defaultPort: 8082, environment: environment).kafka
        let effective = try KafkaProducer(settings: kafka, logger: ServiceTestSupport.logger).effectiveConfiguration
        #expect(effective["enable_sasl_queue"] == "true", "a name KAFKA_* cannot spell")
        #expect(effective["sasl.username"] == "bapemas-empowerment", "over KAFKA_SASL_USERNAME")
        #expect(effective["socket.keepalive.enable"] == "true", "the flag over the variable")
        #expect(KafkaEnvironment.variables(bootstrapServers: "b:1", properties: ["enable_sasl_queue": "true", "fetch.wait.max.ms": "10"]) == [
            "KAFKA_BOOTSTRAP_SERVERS": "b:1", "kafka.enable_sasl_queue": "true", "KAFKA_FETCH_WAIT_MAX_MS": "10",
        ])
    }

    @Test("a property librdkafka does not know stops the client at creation, naming it")
    func unknownProperty() throws {
        var environment = Self.environment
        environment["KAFKA_SASL_USERNAM"] = "dinsos-social-aid"
        let kafka = try ServiceOptions.parse([]).configuration(service: "social-aid", defaultPort: 8081, environment: environment).kafka
        let error = #expect(throws: KafkaError.self) { try KafkaProducer(settings: kafka, logger: ServiceTestSupport.logger) }
        #expect(error?.description.contains("'sasl.usernam'") == true, "\(String(describing: error))")
    }
}
