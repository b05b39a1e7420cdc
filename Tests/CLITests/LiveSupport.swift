import EntasTestKit
import EntasAPI
import EntasDomain
import EntasKafka
import Foundation
import Logging
import Testing

@testable import CLI
@testable import Coordinator

/// What the live tests share: a quiet logger, temporary folders, events, publishing, waiting.
enum Live {
    static var logger: Logger { quietLogger("entas.cli.tests") }

    /// A fixed household key secret (32 bytes).
    static func secret() throws -> HouseholdKeySecret {
        try HouseholdKeySecret(hex: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
    }

    /// An embedded broker with every Entas topic.
    static func kafka() throws -> EmbeddedKafka {
        let kafka = try EmbeddedKafka(logger: logger)
        for topic in EntasTopic.allCases { try kafka.createTopic(topic.rawValue, partitions: 2) }
        return kafka
    }

    static func kafkaSettings(_ kafka: EmbeddedKafka, clientID: String) -> KafkaSettings {
        KafkaSettings(bootstrapServers: kafka.bootstrapServers, clientID: clientID, properties: EmbeddedKafka.recommendedClientProperties)
    }

    /// `--kafka key=value` flags for the embedded broker's recommended properties.
    static func kafkaFlags(_ kafka: EmbeddedKafka) -> [String] {
        ["--kafka-bootstrap-servers", kafka.bootstrapServers]
            + EmbeddedKafka.recommendedClientProperties.sorted { $0.key < $1.key }.flatMap { ["--kafka", "\($0.key)=\($0.value)"] }
    }

    static func publish(_ events: [EventEnvelope], to kafka: EmbeddedKafka, extra: [KafkaOutgoingMessage] = []) async throws {
        let producer = try KafkaProducer(settings: KafkaSettings(bootstrapServers: kafka.bootstrapServers), logger: logger)
        for event in events {
            let encoded = try event.encoded()
            _ = try await producer.send(
                KafkaOutgoingMessage(
                    topic: encoded.topic, key: encoded.key, headers: encoded.headers.map { KafkaHeader(name: $0.key, string: $0.value) },
                    value: encoded.value))
        }
        for message in extra { _ = try await producer.send(message) }
        await producer.shutdown()
    }


    /// Runs a read command as `entas` would, returning what it prints.
    static func entas(_ arguments: [String]) async throws -> String {
        let parsed = try EntasCommand.parseAsRoot(arguments)
        let command = try #require(parsed as? any CoordinatorReadCommand, "\(arguments.first ?? "") is a read command")
        return try await command.output(environment: [:])
    }
}


/// Households and their events for the live tests: four in Sumberjambe (35.09.31) and one in
/// Kabupaten Malang (35.07), the coordinator tests' story.
struct Story {
    private(set) var events: [EventEnvelope] = []
    private var clock = Date(timeIntervalSince1970: 1_799_118_000)  // 2027-01-05T03:00:00Z, 10:00 WIB

    /// `350931120308000n`, living in `desa`.
    static func kk(_ number: Int, in desa: String) throws -> KKNumber {
        try KKNumber(String(try RegionCode(desa).digits.prefix(6)) + "12030800" + (number < 10 ? "0" : "") + String(number))
    }

    static func nik(_ number: Int, in desa: String) throws -> NIK {
        try NIK(String(try RegionCode(desa).digits.prefix(6)) + "55078500" + (number < 10 ? "0" : "") + String(number))
    }

    private mutating func add(_ data: some EventData, by cluster: Cluster) {
        clock.addTimeInterval(60)
        events.append(EventEnvelope(cluster: cluster, time: clock, payload: data.eventPayload))
    }

    mutating func register(_ number: Int, in desa: String, baseline: PovertyStatus) throws {
        add(
            HouseholdRegistered(
                kkNumber: try Self.kk(number, in: desa), headNIK: try Self.nik(number, in: desa), headName: "Kartini Nomor\(number)",
                address: "Dusun Krajan RT 002 RW 001", desaCode: try RegionCode(desa), memberCount: 4,
                criteriaMet: Array(PovertyCriterion.allCases.prefix(9)), baselineStatus: baseline, registeredBy: .socialAid),
            by: .socialAid)
    }

    mutating func assess(_ number: Int, in desa: String, _ status: PovertyStatus, by cluster: Cluster, on day: String) throws {
        add(
            HouseholdAssessed(
                kkNumber: try Self.kk(number, in: desa), desaCode: try RegionCode(desa), cluster: cluster, status: status,
                criteriaMet: Array(PovertyCriterion.allCases.prefix(10)), assessedOn: try CalendarDate(day), assessor: "tim-01"),
            by: cluster)
    }

    mutating func enrol(_ number: Int, in desa: String, on day: String) throws {
        add(
            EnrolmentStarted(
                enrolmentID: UUID(), kkNumber: try Self.kk(number, in: desa), desaCode: try RegionCode(desa), cluster: .socialAid,
                programme: "pkh", strategy: .socialProtection, startedOn: try CalendarDate(day)),
            by: .socialAid)
    }

    mutating func graduate(_ number: Int, in desa: String, on day: String) throws {
        add(
            HouseholdGraduated(
                kkNumber: try Self.kk(number, in: desa), desaCode: try RegionCode(desa), cluster: .socialAid, reason: "Usaha berjalan",
                graduatedOn: try CalendarDate(day)),
            by: .socialAid)
    }

    /// a (1) SM enrolled in PKH, b (2) M by social aid but SM by UMKM (a conflict; SM by the tie rule),
    /// c (3) graduated, d (4) SM without any programme; e (5) in Kabupaten Malang.
    static func sumberjambe() throws -> Story {
        var story = Story()
        try story.register(1, in: "35.09.31.2006", baseline: .sangatMiskin)
        try story.register(2, in: "35.09.31.2006", baseline: .miskin)
        try story.register(3, in: "35.09.31.2001", baseline: .hampirMiskin)
        try story.register(4, in: "35.09.31.2001", baseline: .sangatMiskin)
        try story.register(5, in: "35.07.01.2001", baseline: .miskin)
        try story.assess(2, in: "35.09.31.2006", .miskin, by: .socialAid, on: "2027-01-10")
        try story.assess(2, in: "35.09.31.2006", .sangatMiskin, by: .enterprise, on: "2027-01-11")
        try story.enrol(1, in: "35.09.31.2006", on: "2027-01-12")
        try story.graduate(3, in: "35.09.31.2001", on: "2027-02-01")
        return story
    }
}
