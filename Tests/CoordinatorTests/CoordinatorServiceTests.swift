import EntasTestKit
import EntasDomain
import EntasKafka
import EntasService
import EntasStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import Coordinator

@Suite("The coordinator service over the embedded broker", .timeLimit(.minutes(3)), .english)
struct CoordinatorServiceTests {
    static var logger: Logger { quietLogger("entas.coordinator.tests") }

    /// A small story: four households in Sumberjambe and one in another kabupaten.
    static func story() throws -> [EventEnvelope] {
        var script = EventScript()
        let a = try TestHousehold(1, in: "35.09.31.2006")
        let b = try TestHousehold(2, in: "35.09.31.2006")
        let c = try TestHousehold(3, in: "35.09.31.2001")
        let d = try TestHousehold(4, in: "35.09.31.2001")
        let e = try TestHousehold(5, in: "35.07.01.2001")
        try script.register(a, baseline: .sangatMiskin)
        try script.register(b, baseline: .miskin)
        try script.register(c, baseline: .hampirMiskin)
        try script.register(d, baseline: .sangatMiskin)
        try script.register(e, baseline: .miskin)
        try script.assess(b, .miskin, by: .socialAid, on: "2027-01-10")
        try script.assess(b, .sangatMiskin, by: .enterprise, on: "2027-01-11")  // conflict; tie → SM
        try script.enrol(a, in: .socialAid, on: "2027-01-12")  // a is covered
        try script.graduate(c, by: .socialAid, on: "2027-02-01")
        return script.events
    }

    static func publish(_ events: [EventEnvelope], to kafka: EmbeddedKafka) async throws {
        let producer = try KafkaProducer(settings: KafkaSettings(bootstrapServers: kafka.bootstrapServers), logger: logger)
        for event in events {
            let encoded = try event.encoded()
            try await producer.send(
                KafkaOutgoingMessage(
                    topic: encoded.topic, key: encoded.key, headers: encoded.headers.map { KafkaHeader(name: $0.key, string: $0.value) }, value: encoded.value))
        }
        await producer.shutdown()
    }

    @Test("events from every topic become the overview, gaps, conflicts and household views; a rebuild gives the same views")
    func viewsAndRebuild() async throws {
        try await TestCoordinator.with { coordinator in
            let token = try await coordinator.token()
            let headers: HTTPFields = [.authorization: "Bearer \(token)"]
            let events = try Self.story()
            try await Self.publish(events, to: coordinator.kafka)

            let app = try coordinator.application()
            let overviewBefore: Data = try await app.test(.live) { client in
                try await eventually("every event is applied") {
                    let body = try await client.execute(uri: "/v1/freshness", method: .get, headers: headers).body
                    return Fixture.object(body)["eventsApplied"] as? Int == events.count
                }
                let provincial = try await client.execute(uri: "/v1/overview?region=35&depth=1", method: .get, headers: headers)
                #expect(provincial.status == .ok)
                try await client.execute(uri: "/v1/overview?region=35.09.31&depth=1", method: .get, headers: headers) { response in
                    #expect(response.status == .ok)
                    let text = String(buffer: response.body)
                    #expect(text.contains("Sumberjambe"))
                }
                try await client.execute(uri: "/v1/conflicts?region=35.09.31", method: .get, headers: headers) { response in
                    #expect(Fixture.object(response.body)["total"] as? Int == 1)
                }
                try await client.execute(uri: "/v1/gaps?region=35.09", method: .get, headers: headers) { response in
                    // b (SM by tie) and d (SM baseline) have no social aid; a is enrolled; c graduated.
                    #expect(Fixture.object(response.body)["total"] as? Int == 2)
                }
                try await client.execute(uri: "/v1/households/3509311203080001", method: .get, headers: headers) { response in
                    #expect(response.status == .ok)
                    let text = String(buffer: response.body)
                    #expect(!text.contains("3509311203080001"), "the coordinator never returns the raw KK")
                    #expect(text.contains("350931******0001"))
                }
                try await client.execute(uri: "/v1/households/3509311203089999", method: .get, headers: headers) { response in
                    #expect(response.status == .notFound)
                }
                for bad in ["/v1/overview?region=99", "/v1/overview?depth=9", "/v1/gaps?status=rich", "/v1/progress?from=2027-13"] {
                    try await client.execute(uri: bad, method: .get, headers: headers) { response in
                        #expect(response.status == .unprocessableContent, "\(bad)")
                        #expect(response.headers[.contentType] == "application/problem+json")
                    }
                }
                try await client.execute(uri: "/v1/overview", method: .get) { response in
                    #expect(response.status == .unauthorized)
                }
                // Lag is measured against committed offsets, which librdkafka commits every second.
                try await eventually("the committed lag reaches 0") {
                    let report = Fixture.object(try await client.execute(uri: "/v1/freshness", method: .get, headers: headers).body)
                    return report["totalLag"] as? Int == 0 && (report["partitions"] as? [Any])?.isEmpty == false
                }
                return Data(provincial.body.readableBytesView)
            }

            // Rebuild from the topics into a fresh store: the same views.
            let rebuild = CoordinatorRebuild(configuration: coordinator.configuration, secret: testSecret, logger: Self.logger)
            let outcome = try await rebuild.run()
            #expect(outcome.eventsApplied == events.count)
            let rebuiltPool = try DatabasePool(path: coordinator.path)
            let overviewAfter = try JSONEncoder.sorted.encode(try await CoordinatorQueries(rebuiltPool).overview(region: .eastJava, depth: 1))
            let before = try JSONSerialization.jsonObject(with: overviewBefore) as? NSDictionary
            let after = try JSONSerialization.jsonObject(with: overviewAfter) as? NSDictionary
            #expect(before == after)
            let consistent = try await rebuiltPool.read { db in try CoordinatorReadModel.recount(db) == CoordinatorReadModel.stored(db) }
            #expect(consistent)
            let tokensAfter = try await TokenStore(rebuiltPool, service: "coordinator").list()
            #expect(tokensAfter.map(\.name) == ["bappeda"], "tokens survive a rebuild")
        }
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}

enum Fixture {
    static func object(_ buffer: ByteBuffer) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any]) ?? [:]
    }
}

