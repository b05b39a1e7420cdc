import EntasTestKit
import EntasDomain
import EntasKafka
import EntasStore
import Foundation
import GRDB
import Logging

/// Real parts for the service tests: an embedded broker, a SQLite file in a temporary
/// directory, and valid Sumberjambe households as events.
enum ServiceTestSupport {
    static var logger: Logger { quietLogger("entas.service.tests") }

    static func uniqueName(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())" }

    static func kafkaSettings(_ kafka: EmbeddedKafka, client: String = "tests") -> KafkaSettings {
        KafkaSettings(bootstrapServers: kafka.bootstrapServers, clientID: client, properties: EmbeddedKafka.recommendedClientProperties)
    }

    /// A store in a fresh temporary directory, with the shared tables and a counter table
    /// that test handlers bump, so a double application shows.
    static func temporaryStore() throws -> (pool: DatabasePool, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entas-tests-\(UUID().uuidString)")
        var migrator = DatabaseMigrator()
        EntasDatabase.registerSharedMigrations(&migrator)
        migrator.registerMigration("test-v1-applied") { db in
            try db.execute(sql: "CREATE TABLE appliedEvent (eventId TEXT PRIMARY KEY, applications INTEGER NOT NULL)")
        }
        let pool = try EntasDatabase.openPool(at: directory.appendingPathComponent("service.sqlite").path, migrator: migrator)
        return (pool, directory)
    }

    /// Counts an application of `eventID` in the test table.
    static func recordApplication(_ eventID: UUID, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO appliedEvent (eventId, applications) VALUES (?, 1)
                ON CONFLICT(eventId) DO UPDATE SET applications = applications + 1
                """, arguments: [eventID.uuidString])
    }

    /// A valid `household.registered` event for a household of Desa Sumberjambe.
    static func registeredEvent(_ index: Int) throws -> EventEnvelope {
        let kk = try KKNumber(String(format: "350931%010d", index + 1))
        let nik = try NIK(String(format: "3509311507%02d%04d", 60 + index % 30, index % 9_999 + 1))
        let payload = HouseholdRegistered(
            kkNumber: kk, headNIK: nik, headName: "Kepala \(index)", address: "Dusun Krajan RT 01 RW 02",
            desaCode: try RegionCode("35.09.31.2006"), memberCount: 4,
            criteriaMet: [.floorEarthBambooOrCheapWood, .cooksWithFirewoodCharcoalOrKerosene],
            baselineStatus: .sangatMiskin, registeredBy: .socialAid)
        return EventEnvelope(id: UUID(), source: "/entas/tests", time: Date(), payload: .householdRegistered(payload))
    }


    /// Every record of `topics`, read by a fresh group until `count` arrived and then for
    /// `settle` more (so that duplicates show too).
    static func readAll(_ kafka: EmbeddedKafka, topics: [String], count: Int, settle: Duration = .milliseconds(500)) async throws -> [KafkaMessage] {
        let consumer = try KafkaConsumer(
            settings: KafkaConsumerSettings(kafka: kafkaSettings(kafka), groupID: uniqueName("reader"), topics: topics),
            logger: logger)
        let collected = Collected()
        let reader = Task {
            for try await message in consumer.messages { await collected.append(message) }
        }
        defer { reader.cancel() }
        try await eventually("\(count) records on \(topics)") { await collected.messages.count >= count }
        try await Task.sleep(for: settle)
        reader.cancel()
        _ = await reader.result
        await consumer.close()
        return await collected.messages
    }

    actor Collected {
        var messages: [KafkaMessage] = []
        func append(_ message: KafkaMessage) { messages.append(message) }
    }
}
