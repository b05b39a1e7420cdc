import EntasDomain
import EntasKafka
import EntasCluster
import EntasService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CommunityEmpowerment
@testable import SocialAid
import EntasTestKit

@Suite("Commitments: what each cluster promises per region, period and programme", .timeLimit(.minutes(2)), .english)
struct CommitmentTests {
    static var pkh: [String: Any] {
        [
            "regionCode": "35.09.31", "period": "2027", "programme": "pkh", "households": 1_200, "deliveries": 4_800,
            "budgetRupiah": 3_600_000_000, "madeOn": "2026-11-02",
        ]
    }

    static func with(_ changes: [String: Any], removing: [String] = []) -> [String: Any] {
        var body = pkh.merging(changes) { $1 }
        for key in removing { body.removeValue(forKey: key) }
        return body
    }

    @Test("a second commitment for the same region, period and programme is a revision: same id, both kept, both published on the cluster's topic")
    func revisionsAreKeptAndPublished() async throws {
        try await RecordsClient.withBroker(SocialAidCommand.definition) { api, kafka in
            let cluster = api.cluster
            let first = try await api.send(.post, "/v1/commitments", Self.pkh, expect: .created)
            #expect(first["revision"] as? Int == 1)
            #expect(first["strategy"] as? String == "socialProtection", "the strategy is the programme's")
            #expect(first["cluster"] as? String == "socialAid")
            let id = try #require(first["commitmentID"] as? String)

            #expect(first["graduations"] == nil, "no graduations promised")

            let revised = try await api.send(
                .post, "/v1/commitments", Self.with(["households": 1_300, "graduations": 150, "madeOn": "2027-03-01"]), expect: .created)
            #expect(revised["commitmentID"] as? String == id)
            #expect(revised["revision"] as? Int == 2)
            #expect(revised["households"] as? Int == 1_300)
            #expect(revised["graduations"] as? Int == 150)
            let earlier = revised["earlierRevisions"] as? [[String: Any]] ?? []
            #expect(earlier.map { $0["households"] as? Int } == [1_200])
            #expect(earlier.first?["graduations"] == nil)
            #expect(earlier.first?["recordedBy"] as? String == "tests")

            // Another programme, another period or another region is another commitment.
            try await api.send(.post, "/v1/commitments", Self.with(["programme": "rastra", "households": 1_485, "deliveries": 17_820]), expect: .created)
            try await api.send(.post, "/v1/commitments", Self.with(["period": "2027-Q1", "households": 1_000]), expect: .created)
            try await api.send(.post, "/v1/commitments", Self.with(["regionCode": "35.11.03", "households": 80]), expect: .created)

            let sumberjambe = try await api.send(.get, "/v1/commitments?region=35.09.31&period=2027", expect: .ok)
            let listed = sumberjambe["commitments"] as? [[String: Any]] ?? []
            #expect(listed.map { "\($0["period"] ?? "") \($0["programme"] ?? "") r\($0["revision"] ?? "")" } == ["2027 pkh r2", "2027 rastra r1", "2027-Q1 pkh r1"])
            let jember = try await api.send(.get, "/v1/commitments?region=35.09", expect: .ok)
            #expect((jember["commitments"] as? [Any])?.count == 3, "a kabupaten lists the commitments of its kecamatan")
            let quarter = try await api.send(.get, "/v1/commitments?period=2027-Q2&programme=pkh", expect: .ok)
            #expect((quarter["commitments"] as? [[String: Any]])?.map { $0["regionCode"] as? String } == ["35.09.31", "35.11.03"], "a year overlaps its quarters")
            let one = try await api.send(.get, "/v1/commitments/\(id)", expect: .ok)
            #expect(one["revision"] as? Int == 2)
            try await api.send(.get, "/v1/commitments/\(UUID().uuidString)", expect: .notFound)
            #expect(try await cluster.count("commitmentRevision") == 5)

            // Every revision went out on entas.social-aid, keyed by cluster and region, with the commitment's id.
            try await cluster.waitForOutbox()
            let published = try await Self.consume(EntasTopic.socialAid.rawValue, count: 5, from: kafka)
            let keys = Set(published.map(\.key))
            #expect(keys == ["commitment:socialAid:350931", "commitment:socialAid:351103"])
            let pkhYear = published.compactMap { record -> CommitmentMade? in
                guard case .commitmentMade(let made) = record.envelope.payload, made.programme == "pkh", made.period.description == "2027",
                    made.regionCode.dotted == "35.09.31"
                else { return nil }
                return made
            }
            #expect(pkhYear.map(\.households) == [1_200, 1_300])
            #expect(pkhYear.map(\.graduations) == [nil, 150])
            #expect(Set(pkhYear.map(\.commitmentID)) == [try #require(UUID(uuidString: id))])
        }
    }

    /// A refused commitment: its body as JSON text (Sendable, for the test's arguments) and the field at fault.
    struct BadCommitment: Sendable, CustomTestStringConvertible {
        var name: String
        var json: String
        var field: String
        var testDescription: String { name }

        var body: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
        }
    }

    static func bad(_ name: String, _ body: [String: Any], _ field: String) -> BadCommitment {
        let data = (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
        return BadCommitment(name: name, json: String(decoding: data, as: UTF8.self), field: field)
    }

    static let badInput: [BadCommitment] = [
        bad("a programme of another cluster", with(["programme": "kur"]), "programme"),
        bad("an unknown programme", with(["programme": "yacht-club"]), "programme"),
        bad("a strategy that is not the programme's", with(["strategy": "basicServices"]), "strategy"),
        bad("an unknown strategy", with(["strategy": "luck"]), "strategy"),
        bad("a region outside the province", with(["regionCode": "36.01"]), "regionCode"),
        bad("a region not in the reference", with(["regionCode": "35.09.99"]), "regionCode"),
        bad("a malformed region", with(["regionCode": "3509.31"]), "regionCode"),
        bad("negative households", with(["households": -1]), "households"),
        bad("negative deliveries", with(["deliveries": -5]), "deliveries"),
        bad("a negative budget", with(["budgetRupiah": -750_000]), "budgetRupiah"),
        bad("negative graduations", with(["graduations": -3]), "graduations"),
        bad("graduations as a fraction", with(["graduations": 2.5]), "graduations"),
        bad("households beyond 64 bits", with(["households": 1e30]), "households"),
        bad("a fifth quarter", with(["period": "2027-Q5"]), "period"),
        bad("a two-digit year", with(["period": "27"]), "period"),
        bad("a period with a slash", with(["period": "2027/01"]), "period"),
        bad("a thirteenth month", with(["period": "2027-13"]), "period"),
        bad("households as text", with(["households": "many"]), "households"),
        bad("no budget", with([:], removing: ["budgetRupiah"]), "budgetRupiah"),
        bad("no period", with([:], removing: ["period"]), "period"),
        bad("a day that does not exist", with(["madeOn": "2026-02-30"]), "madeOn"),
    ]

    @Test("every bad commitment in the table is refused with a problem naming the field, and nothing is written or published")
    func badCommitments() async throws {
        try await RecordsClient.with(SocialAidCommand.definition) { api in
            for bad in Self.badInput {
                let problem = try await api.send(.post, "/v1/commitments", bad.body, expect: .unprocessableContent)
                #expect(problem["field"] as? String == bad.field, "\(bad.name): \(problem)")
                #expect((problem["detail"] as? String)?.isEmpty == false, "\(bad.name)")
                #expect(try await api.cluster.count("commitmentRevision") == 0, "\(bad.name)")
                #expect(try await api.cluster.outboxCount() == 0, "\(bad.name)")
            }
        }
    }

    @Test("a revision dated before the one it replaces is refused; bad list filters are refused")
    func backdatedRevisionAndFilters() async throws {
        try await RecordsClient.with(EmpowermentCommand.definition) { api in
            let group = ["regionCode": "35.09.31.2006", "period": "2027", "programme": "ksm", "households": 40, "deliveries": 0, "budgetRupiah": 0, "madeOn": "2027-01-10"] as [String: Any]
            try await api.send(.post, "/v1/commitments", group, expect: .created)
            var earlier = group
            earlier["madeOn"] = "2027-01-09"
            earlier["households"] = 50
            let problem = try await api.send(.post, "/v1/commitments", earlier, expect: .unprocessableContent)
            #expect(problem["field"] as? String == "madeOn")
            #expect(try await api.cluster.count("commitmentRevision") == 1)
            #expect(try await api.cluster.outboxCount() == 1)
            for (query, field) in [("region=99", "region"), ("region=35.09.99", "region"), ("period=2027-Q0", "period")] {
                let problem = try await api.send(.get, "/v1/commitments?\(query)", expect: .unprocessableContent)
                #expect(problem["field"] as? String == field, "\(query)")
            }
        }
    }

    /// The first `count` records of `topic`, decoded, from the earliest offset.
    static func consume(_ topic: String, count: Int, from kafka: EmbeddedKafka) async throws -> [(key: String, envelope: EventEnvelope)] {
        let consumer = try KafkaConsumer(
            settings: KafkaConsumerSettings(
                kafka: KafkaSettings(bootstrapServers: kafka.bootstrapServers, properties: EmbeddedKafka.recommendedClientProperties),
                groupID: "commitment-test-\(UUID().uuidString)", topics: [topic]),
            logger: TestCluster.logger)
        var records: [(key: String, envelope: EventEnvelope)] = []
        let deadline = ContinuousClock.now + .seconds(30)
        while records.count < count, ContinuousClock.now < deadline {
            guard let message = try consumer.nextIfAvailable() else {
                try await Task.sleep(for: .milliseconds(50))
                continue
            }
            records.append((message.keyString ?? "", try EventEnvelope.decode(headers: message.stringHeaders, value: message.value)))
        }
        await consumer.close()
        return records
    }
}
