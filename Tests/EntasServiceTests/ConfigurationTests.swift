import EntasService
import Testing
import EntasTestKit

@Suite("Service configuration from environment and flags", .english)
struct ConfigurationTests {
    @Test("KAFKA_* variables become librdkafka properties; flags win")
    func kafkaEnvironment() throws {
        let settings = try KafkaEnvironment.settings(
            environment: [
                "KAFKA_BOOTSTRAP_SERVERS": "broker-1:9092,broker-2:9092",
                "KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
                "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
                "PATH": "/usr/bin",
            ],
            properties: ["sasl.mechanism=PLAIN", "ssl.ca.location=/etc/ssl/ca.pem"],
            clientID: "entas-social-aid")
        #expect(settings.bootstrapServers == "broker-1:9092,broker-2:9092")
        #expect(settings.properties["security.protocol"] == "SASL_SSL")
        #expect(settings.properties["sasl.mechanism"] == "PLAIN")
        #expect(settings.properties["ssl.ca.location"] == "/etc/ssl/ca.pem")
        #expect(settings.properties["path"] == nil)
        #expect(settings.clientID == "entas-social-aid")
    }

    @Test("no brokers is an error that says how to give them")
    func missingBootstrap() {
        #expect {
            _ = try KafkaEnvironment.settings(environment: [:], clientID: "x")
        } throws: { error in
            (error as? ConfigurationError)?.description.contains("KAFKA_BOOTSTRAP_SERVERS") == true
        }
    }

    @Test("a --kafka flag without '=' is refused", arguments: ["security.protocol", "=SASL_SSL"])
    func malformedFlag(flag: String) {
        #expect(throws: ConfigurationError.self) {
            _ = try KafkaEnvironment.settings(environment: ["KAFKA_BOOTSTRAP_SERVERS": "localhost:9092"], properties: [flag], clientID: "x")
        }
    }

    @Test("options parse into a configuration with defaults from the environment")
    func options() throws {
        let options = try ServiceOptions.parse(["--kafka", "acks=all", "--log-level", "debug"])
        let configuration = try options.configuration(
            service: "social-aid", environment: ["KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:9092", "ENTAS_DATABASE": "/var/lib/entas/social-aid.sqlite"])
        #expect(configuration.databasePath == "/var/lib/entas/social-aid.sqlite")
        #expect(configuration.kafka.properties["acks"] == "all")
        #expect(configuration.logLevel == .debug)
        #expect(configuration.eventSource == "/entas/social-aid")
    }

    @Test("a bad ENTAS_LOG_LEVEL is refused with the valid levels")
    func badLogLevel() throws {
        let options = try ServiceOptions.parse([])
        #expect {
            _ = try options.configuration(service: "umkm", environment: ["KAFKA_BOOTSTRAP_SERVERS": "x:1", "ENTAS_LOG_LEVEL": "loud"])
        } throws: { error in
            (error as? ConfigurationError)?.description.contains("warning") == true
        }
    }
}
