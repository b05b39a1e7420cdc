import EntasDomain
import EntasKafka
import EntasCluster
import EntasService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EntasService
@testable import SocialAid
import EntasTestKit

@Suite("Commitments as bulk lines", .timeLimit(.minutes(2)), .english)
struct BulkCommitmentTests {
    /// A `commitment` line for Sumberjambe's PKH in 2027, with `changes` (a value of nil removes the field).
    static func line(_ changes: [String: Any?] = [:]) -> String {
        var object: [String: Any] = [
            "kind": "commitment", "regionCode": "35.09.31", "period": "2027", "programme": "pkh", "households": 1_200,
            "deliveries": 4_800, "budgetRupiah": 3_600_000_000, "madeOn": "2026-11-02",
        ]
        for (key, value) in changes { object[key] = value }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("a commitment line commits as POST /v1/commitments would, a second one revises it, and bad lines are refused by number while the others go on")
    func commitmentLines() async throws {
        try await RecordsClient.withBroker(SocialAidCommand.definition) { api, kafka in
            let cluster = api.cluster
            let lines = [
                Self.line(["cluster": "socialAid"]),  // 1: the commitment
                Self.line(["programme": "yacht-club"]),  // 2: an unknown programme
                Self.line(["programme": "kur", "cluster": "enterprise"]),  // 3: another cluster's line
                Self.line(["period": "2027-Q5"]),  // 4: a bad period
                Self.line(["households": -1]),  // 5: negative households
                Self.line(["budgetRupiah": -750_000]),  // 6: a negative budget
                Self.line(["households": 1_300, "madeOn": "2027-03-01"]),  // 7: the revision
                Self.line(["households": 900, "madeOn": "2027-02-01"]),  // 8: dated before the revision it would replace
                Self.line(["regionCode": "35.11.03", "households": 80, "strategy": "socialProtection"]),  // 9: another region
                Self.line(["regionCode": "36.01"]),  // 10: outside the province
                Self.line(["graduations": 2.5]),  // 11: a fraction where a count belongs
            ]
            let summary = try await api.client.execute(
                uri: "/v1/bulk", method: .post, headers: [.authorization: "Bearer \(cluster.token)", .contentType: "application/x-ndjson"],
                body: ByteBuffer(string: lines.joined(separator: "\n") + "\n")
            ) { response in
                #expect(response.status == .ok)
                return try JSONDecoder().decode(BulkController.Summary.self, from: Data(buffer: response.body))
            }
            #expect(summary.lines == 11)
            #expect(summary.applied == 3)
            #expect(summary.appliedByKind == ["commitment": 3])
            #expect(summary.rejections.map(\.line) == [2, 3, 4, 5, 6, 8, 10, 11])
            #expect(summary.rejections.map(\.field) == ["programme", "cluster", "period", "households", "budgetRupiah", "madeOn", "regionCode", "graduations"])
            #expect(summary.rejections.allSatisfy { $0.code == "invalid-field" && !$0.detail.isEmpty })
            #expect(summary.rejections[1].detail.contains("entas-umkm"))

            // As it stands: Sumberjambe's PKH at its second revision, made by the token's holder; nothing of the bad lines.
            let listed = try await api.send(.get, "/v1/commitments?period=2027", expect: .ok)["commitments"] as? [[String: Any]] ?? []
            #expect(listed.map { "\($0["regionCode"] ?? "") \($0["households"] ?? "") r\($0["revision"] ?? "")" } == ["35.09.31 1300 r2", "35.11.03 80 r1"])
            let earlier = listed.first?["earlierRevisions"] as? [[String: Any]] ?? []
            #expect(earlier.map { $0["households"] as? Int } == [1_200])
            #expect(earlier.first?["recordedBy"] as? String == "tests")
            #expect(try await cluster.count("commitmentRevision") == 3)
            #expect(try await cluster.writtenEventTypes() == ["commitment.made", "commitment.made", "commitment.made"])

            // Each applied line went out on entas.social-aid as commitment.made; the revision keeps the commitment's id.
            try await cluster.waitForOutbox()
            let published = try await CommitmentTests.consume(EntasTopic.socialAid.rawValue, count: 3, from: kafka)
            let made = published.compactMap { record -> CommitmentMade? in
                guard case .commitmentMade(let made) = record.envelope.payload else { return nil }
                return made
            }
            let sumberjambe = made.filter { $0.regionCode.dotted == "35.09.31" }
            #expect(sumberjambe.map(\.households) == [1_200, 1_300])
            let id = try #require((listed.first?["commitmentID"] as? String).flatMap { UUID(uuidString: $0) })
            #expect(Set(sumberjambe.map(\.commitmentID)) == [id])
            #expect(made.allSatisfy { $0.cluster == .socialAid && $0.programme == "pkh" && $0.strategy == .socialProtection })
        }
    }
}
