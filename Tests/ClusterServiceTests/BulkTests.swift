import EntasDomain
import EntasService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EntasCluster
@testable import SocialAid
import EntasTestKit

@Suite("Bulk operations as JSON Lines", .timeLimit(.minutes(2)), .english)
struct BulkTests {
    @Test("each line is applied or rejected on its own, with its line number, and publishes as its single request would")
    func linesAppliedOrRejected() async throws {
        try await RecordsClient.with(SocialAidCommand.definition) { api in
            try await api.register(1)
            try await api.register(2)
            let lines = [
                #"{"kind":"assessment","kkNumber":"\#(kk(1))","status":"sangatMiskin","criteriaMet":["floor_area_under_8m2_per_person"],"assessedOn":"2027-01-10","assessor":"tksk-01","cluster":"socialAid"}"#,
                #"{"kind":"enrolment","kkNumber":"\#(kk(1))","programme":"pkh","startedOn":"2027-01-15"}"#,
                #"{"kind":"delivery","kkNumber":"\#(kk(1))","programme":"pkh","amountRupiah":750000,"period":"2027-Q1","deliveredOn":"2027-02-01"}"#,
                "",
                #"{"kind":"delivery","kkNumber":"\#(kk(2))","programme":"pkh","amountRupiah":750000,"period":"2027-Q1","deliveredOn":"2027-02-01"}"#,
                #"{"kind":"enrolment","kkNumber":"\#(kk(2))","programme":"kur","startedOn":"2027-01-15","cluster":"enterprise"}"#,
                #"{"kind":"enrolment","kkNumber":"#,
                #"{"kind":"teleport","kkNumber":"\#(kk(2))"}"#,
                #"{"kind":"enrolmentEnd","kkNumber":"\#(kk(1))","programme":"pkh","endedOn":"2027-06-30","reason":"children grown"}"#,
                #"{"kind":"graduation","kkNumber":"\#(kk(2))","reason":"stable income","graduatedOn":"2027-07-01"}"#,
            ]
            let body = ByteBuffer(string: lines.joined(separator: "\r\n") + "\r\n")
            let summary = try await api.client.execute(
                uri: "/v1/bulk", method: .post, headers: [.authorization: "Bearer \(api.cluster.token)", .contentType: "application/x-ndjson"], body: body
            ) { response in
                #expect(response.status == .ok)
                return try JSONDecoder().decode(BulkController.Summary.self, from: Data(buffer: response.body))
            }
            #expect(summary.lines == 9)
            #expect(summary.applied == 5)
            #expect(summary.appliedByKind == ["assessment": 1, "enrolment": 1, "delivery": 1, "enrolmentEnd": 1, "graduation": 1])
            #expect(summary.rejections.map(\.line) == [5, 6, 7, 8])
            #expect(summary.rejections.map(\.code) == ["not-found", "invalid-field", "malformed-body", "invalid-field"])
            #expect(summary.rejections[1].detail.contains("entas-umkm"))
            #expect(try await api.cluster.writtenEventTypes() == [
                "household.registered", "household.registered", "household.assessed", "enrolment.started", "benefit.delivered",
                "enrolment.ended", "household.graduated",
            ])
        }
    }

    @Test("member lines add and replace a member, a departure line takes one off; a member contradicting its NIK is rejected naming the field; PIP by the pupil's NIK")
    func memberLines() async throws {
        try await RecordsClient.with(SocialAidCommand.definition) { api in
            try await api.register(20)
            let family = try HouseholdRegistration.sampleMembers(20)
            let son = family[2].nik.rawValue, wife = family[1].nik.rawValue
            let newborn = HouseholdRegistration.sampleMemberNIK(20, month: 2, year: 26)
            let born = String(format: "2026-02-%02d", 15 + 20 / 99_990 % 14)
            let lines = [
                #"{"kind":"member","kkNumber":"\#(kk(20))","nik":"\#(newborn)","name":"Bayi","relationship":"child","sex":"male","birthDate":"\#(born)"}"#,
                #"{"kind":"member","kkNumber":"\#(kk(20))","nik":"\#(wife)","name":"Istri","relationship":"spouse","sex":"female","birthDate":"\#(family[1].birthDate)","pregnantOrNursing":true}"#,
                #"{"kind":"member","kkNumber":"\#(kk(20))","nik":"\#(newborn)","name":"Bayi","relationship":"child","sex":"female","birthDate":"\#(born)"}"#,
                #"{"kind":"enrolment","kkNumber":"\#(kk(20))","programme":"pip","startedOn":"2027-03-01","memberNIK":"\#(son)"}"#,
                #"{"kind":"delivery","kkNumber":"\#(kk(20))","programme":"pip","memberNIK":"\#(son)","amountRupiah":450000,"period":"2027","deliveredOn":"2027-04-01"}"#,
                #"{"kind":"memberDeparture","kkNumber":"\#(kk(20))","nik":"\#(family[3].nik.rawValue)","reason":"died"}"#,
                #"{"kind":"member","kkNumber":"\#(kk(20))","nik":"\#(HouseholdRegistration.sampleMemberNIK(20, month: 12, year: 99))","name":"Belum Lahir","relationship":"child","sex":"male","birthDate":"2099-12-\#(String(format: "%02d", 15 + 20 / 99_990 % 14))"}"#,
            ]
            let body = ByteBuffer(string: lines.joined(separator: "\n") + "\n")
            let summary = try await api.client.execute(
                uri: "/v1/bulk", method: .post, headers: [.authorization: "Bearer \(api.cluster.token)", .contentType: "application/x-ndjson"], body: body
            ) { response in
                #expect(response.status == .ok)
                return try JSONDecoder().decode(BulkController.Summary.self, from: Data(buffer: response.body))
            }
            #expect(summary.appliedByKind == ["member": 2, "enrolment": 1, "delivery": 1, "memberDeparture": 1], "\(summary.rejections)")
            #expect(summary.rejections.map(\.line) == [3, 7] && summary.rejections.first?.field == "members[4].sex", "\(summary.rejections)")
            #expect(summary.rejections.last?.field == "members[4].birthDate", "not born yet: \(summary.rejections)")
            let household = try await api.send(.get, "/v1/households/\(kk(20))", expect: .ok)
            let members = household["members"] as? [[String: Any]] ?? []
            #expect(members.count == 4 && household["memberCount"] as? Int == 4, "a newborn in, the daughter out: \(members.count)")
            #expect(members.first { $0["nik"] as? String == wife }?["pregnantOrNursing"] as? Bool == true)
        }
    }

    @Test("lines are found however the stream is cut, with CRLF or LF, and a line over 1 MiB is refused")
    func splitter() throws {
        let text = Array("{\"a\":1}\r\n\n{\"b\":2}\n{\"c\":3}".utf8)
        for size in [1, 2, 3, 7, 100] {
            var splitter = JSONLineSplitter()
            var lines: [String] = []
            var index = 0
            while index < text.count {
                let chunk = text[index..<min(index + size, text.count)]
                lines += try splitter.feed(chunk).map { String(decoding: $0, as: UTF8.self) }
                index += size
            }
            if let last = splitter.finish() { lines.append(String(decoding: last, as: UTF8.self)) }
            #expect(lines == ["{\"a\":1}", "", "{\"b\":2}", "{\"c\":3}"], "chunks of \(size)")
        }
        var splitter = JSONLineSplitter()
        #expect(throws: JSONLineSplitter.LineTooLong.self) { try splitter.feed([UInt8](repeating: 0x20, count: JSONLineSplitter.maximumLineLength + 1)) }
    }
}
