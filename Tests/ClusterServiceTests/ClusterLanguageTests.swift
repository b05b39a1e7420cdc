import EntasAPI
import EntasDomain
import EntasService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EntasCluster
@testable import SocialAid
import EntasTestKit

/// The cluster services answer in the request's language (`Accept-Language`), Indonesian when it names none:
/// problem documents' `title` and `detail`, the import's row reasons and the bulk summary's rejections. The
/// machine names (codes, fields, JSON keys) stay as they are.
@Suite("Cluster services in Bahasa Indonesia and English", .timeLimit(.minutes(2)))
struct ClusterLanguageTests {
    /// Sends `body` to `uri` with `language` as `Accept-Language` (none when nil); the status, the
    /// `Content-Language` and the answer as a JSON object.
    static func send(
        _ api: RecordsClient, _ uri: String, method: HTTPRequest.Method = .post, _ body: ByteBuffer, type: String = "application/json",
        language: String?
    ) async throws -> (status: HTTPResponse.Status, language: String?, object: [String: Any]) {
        var headers = api.cluster.authorization
        headers[.contentType] = type
        if let language { headers[.acceptLanguage] = language }
        let response = try await api.client.execute(uri: uri, method: method, headers: headers, body: body)
        return (response.status, response.headers[.contentLanguage], Fixture.object(response.body))
    }

    @Test("a bad registration's problem: title and detail in Indonesian with Accept-Language id, in English with en; code and field unchanged")
    func badRegistration() async throws {
        try await RecordsClient.with(SocialAidCommand.definition) { api in
            let first = try HouseholdRegistration.sample(1)
            var second = try HouseholdRegistration.sample(2)
            second.headNIK = first.headNIK
            #expect(try await Self.send(api, "/v1/households", Fixture.json(first), language: "id").status == .created)

            let indonesian = try await Self.send(api, "/v1/households", Fixture.json(second), language: "id-ID,id;q=0.9,en;q=0.5")
            #expect(indonesian.status == .conflict && indonesian.language == "id")
            #expect(indonesian.object["code"] as? String == "person-in-another-household" && indonesian.object["field"] as? String == "headNIK")
            #expect(indonesian.object["title"] as? String == "Orang ini tercatat di rumah tangga lain")
            let detail = indonesian.object["detail"] as? String ?? ""
            #expect(
                detail.hasPrefix("NIK \(first.headNIK.masked) sudah tercatat di rumah tangga dengan No. KK \(first.kkNumber.masked) di layanan ini"),
                "\(detail)")
            #expect(detail.contains("satu orang hanya tercatat di satu KK") && detail.contains("pecah KK"), "\(detail)")
            #expect(!detail.contains(first.headNIK.rawValue) && !detail.contains(first.kkNumber.rawValue), "masked, never whole")

            let english = try await Self.send(api, "/v1/households", Fixture.json(second), language: "en")
            #expect(english.status == .conflict && english.language == "en")
            #expect(english.object["code"] as? String == "person-in-another-household" && english.object["field"] as? String == "headNIK")
            #expect(english.object["title"] as? String == "This person is in another household")
            #expect(
                (english.object["detail"] as? String ?? "").hasPrefix(
                    "NIK \(first.headNIK.masked) is already in the household with KK \(first.kkNumber.masked) here"), "\(english.object)")

            // A count that disagrees with the members recorded: 422 naming memberCount, the count written as each language writes it.
            let family = try HouseholdRegistration.sample(3, withMembers: true)
            #expect(try await Self.send(api, "/v1/households", Fixture.json(family), language: nil).status == .created)
            var recount = try HouseholdRegistration.sample(3, memberCount: 6)
            recount.members = nil
            let count = try await Self.send(api, "/v1/households", Fixture.json(recount), language: "id")
            #expect(count.status == .unprocessableContent && count.object["field"] as? String == "memberCount", "\(count.object)")
            #expect(count.object["title"] as? String == "Isian tidak sah")
            #expect((count.object["detail"] as? String ?? "").hasPrefix("4 anggota keluarga rumah tangga ini sudah tercatat di sini"), "\(count.object)")
            let countEnglish = try await Self.send(api, "/v1/households", Fixture.json(recount), language: "en")
            #expect(countEnglish.object["title"] as? String == "A field is not valid")
            #expect((countEnglish.object["detail"] as? String ?? "").hasPrefix("the household's 4 members are recorded here"), "\(countEnglish.object)")

            // An enrolment the rule refuses: the title names the programme in the reader's language.
            let enrol = Fixture.json(["kkNumber": first.kkNumber.rawValue, "programme": "pkh", "startedOn": "2026-01-05"])
            let refused = try await Self.send(api, "/v1/enrolments", enrol, language: "id")
            #expect(refused.status == .unprocessableContent && refused.object["code"] as? String == "not-eligible", "\(refused.object)")
            #expect((refused.object["title"] as? String ?? "").hasPrefix("Tidak memenuhi syarat "), "\(refused.object)")
            #expect((refused.object["detail"] as? String ?? "").contains("Syarat "), "\(refused.object)")
            let unknown = try await Self.send(api, "/v1/households/\(kk(99))", method: .get, ByteBuffer(), language: "id")
            #expect(unknown.status == .notFound && unknown.object["title"] as? String == "Tidak ditemukan")
            #expect((unknown.object["detail"] as? String ?? "").hasPrefix("Rumah tangga dengan No. KK "), "\(unknown.object)")
        }
    }

    @Test("a CSV import reports a bad row's reason in Indonesian when the request names no language, in English with en")
    func importRowReasons() async throws {
        try await RecordsClient.with(SocialAidCommand.definition) { api in
            let csv = "kkNumber,headNIK,headName,address,desaCode,memberCount,criteriaMet,baselineStatus\n"
                + "\(HouseholdRegistration.sampleKK(8)),\(HouseholdRegistration.sampleNIK(8)),Siti,Dusun Krajan,35.09.31.2001,empat,1;2,\n"
                + "\(HouseholdRegistration.sampleKK(9)),\(HouseholdRegistration.sampleNIK(9)),Sri,Dusun Krajan,35.09.31.2001,4,1;2,kaya\n"
                + "\(HouseholdRegistration.sampleKK(10)),\(HouseholdRegistration.sampleNIK(10)),Tini,Dusun Krajan,35.09.31.2001,4,1;2,HM\n"
            let indonesian = try await Self.send(api, "/v1/households/import", ByteBuffer(string: csv), type: "text/csv", language: nil)
            #expect(indonesian.status == .ok && indonesian.language == "id")
            #expect(indonesian.object["created"] as? Int == 1 && indonesian.object["rejected"] as? Int == 2, "\(indonesian.object)")
            let rows = indonesian.object["rejections"] as? [[String: Any]] ?? []
            #expect(rows.map { $0["field"] as? String } == ["memberCount", "baselineStatus"], "the column names do not change")
            #expect(rows.first?["reason"] as? String == "'empat' bukan bilangan bulat", "\(rows)")
            #expect((rows.last?["reason"] as? String ?? "").hasPrefix("'kaya' bukan status kemiskinan"), "\(rows)")

            let english = try await Self.send(api, "/v1/households/import", ByteBuffer(string: csv), type: "text/csv", language: "en")
            #expect(english.status == .ok && english.language == "en")
            #expect(english.object["unchanged"] as? Int == 1 && english.object["rejected"] as? Int == 2, "\(english.object)")
            let englishRows = english.object["rejections"] as? [[String: Any]] ?? []
            #expect(englishRows.first?["reason"] as? String == "'empat' is not a whole number", "\(englishRows)")
            #expect((englishRows.last?["reason"] as? String ?? "").hasPrefix("'kaya' is not a status"), "\(englishRows)")

            // A members file whose household was never registered: its row's reason in the request's language.
            let members = "kkNumber,nik,name,relationship,sex,birthDate\n"
                + "\(HouseholdRegistration.sampleKK(10)),\(HouseholdRegistration.sampleNIK(10)),Tini,head,wanita,1970-07-15\n"
            let memberRows = try await Self.send(api, "/v1/households/members/import", ByteBuffer(string: members), type: "text/csv", language: "id")
            let memberReasons = (memberRows.object["rejections"] as? [[String: Any]] ?? []).map { $0["reason"] as? String ?? "" }
            #expect(memberReasons == ["'wanita' bukan jenis kelamin; gunakan male atau female (L atau P)"], "\(memberRows.object)")
        }
    }

    @Test("a bulk line's rejection is written in Indonesian by default, in English with en")
    func bulkRejections() async throws {
        try await RecordsClient.with(SocialAidCommand.definition) { api in
            try await api.register(1)
            let lines = [
                #"{"kind":"delivery","kkNumber":"\#(kk(1))","programme":"pkh","amountRupiah":750000,"period":"2027-Q1","deliveredOn":"2027-02-01"}"#,
                #"{"kind":"enrolment","kkNumber":"\#(kk(1))","programme":"kur","startedOn":"2027-01-15","cluster":"enterprise"}"#,
                #"{"kind":"enrolment","kkNumber":"#,
            ].joined(separator: "\n") + "\n"
            let indonesian = try await Self.send(api, "/v1/bulk", ByteBuffer(string: lines), type: "application/x-ndjson", language: nil)
            #expect(indonesian.status == .ok && indonesian.language == "id")
            let rejections = indonesian.object["rejections"] as? [[String: Any]] ?? []
            #expect(rejections.map { $0["code"] as? String } == ["not-found", "invalid-field", "malformed-body"], "\(rejections)")
            let details = rejections.map { $0["detail"] as? String ?? "" }
            #expect(details.count == 3)
            #expect(details.first?.hasPrefix("Rumah tangga \(HouseholdRegistration.sampleKK(1).prefix(6))") == true, "\(details)")
            #expect(details.first?.contains("tidak memiliki kepesertaan aktif di 'pkh'") == true, "\(details)")
            #expect(details.dropFirst().first?.hasPrefix("baris ini untuk umkm; kirim ke entas-umkm, bukan ke entas-") == true, "\(details)")
            #expect(details.last == "baris ini bukan JSON yang sah; setiap baris berisi satu objek JSON (docs/bulk.md)", "\(details)")

            let english = try await Self.send(api, "/v1/bulk", ByteBuffer(string: lines), type: "application/x-ndjson", language: "en")
            let englishDetails = (english.object["rejections"] as? [[String: Any]] ?? []).map { $0["detail"] as? String ?? "" }
            #expect(englishDetails.first?.contains("has no active enrolment in 'pkh'") == true, "\(englishDetails)")
            #expect(englishDetails.dropFirst().first?.hasPrefix("this line is for umkm; send it to entas-umkm") == true, "\(englishDetails)")

            // A body that is not JSON Lines at all: the whole request is refused in the reader's language.
            let wrongType = try await Self.send(api, "/v1/bulk", ByteBuffer(string: "a,b\n"), type: "text/csv", language: "id")
            #expect(wrongType.status == .unsupportedMediaType && wrongType.object["title"] as? String == "Isi permintaan bukan JSON Lines")
        }
    }

    @Test("the printable worklist's words are Indonesian or English; the codes, statuses and numbers stay")
    func worklistPage() throws {
        let opened = try CalendarDate(year: 2026, month: 11, day: 3)
        let open = CaseSummary(
            state: .assigned, caseID: "5e0c7a3d-2f41-4b6e-9c2d-4a1b3c5d7e9f", kind: .conflict, openedOn: opened, ageDays: 1, team: "tim-1",
            assignedOn: opened, verifiedStatus: nil, verifiedOn: nil)
        let entry = WorklistEntry(
            kkNumber: kk(1), headName: "Siti <Aminah>", address: "Dusun Krajan", desaCode: try RegionCode("35.09.31.2006"), flags: [.gap, .case],
            consensusStatus: .miskin, coveredBy: [], verification: open,
            statements: [ClusterStatus(cluster: .socialAid, status: .miskin, source: .assessment, assessedOn: opened)])
        let worklist = Worklist(
            regionCode: try RegionCode("35.09.31.2006"), regionName: "Sukorambi", flag: nil, households: 1_250, entries: [entry])

        let indonesian = worklist.page(service: "entas-social-aid", in: .indonesian)
        #expect(indonesian.contains(#"<html lang="id">"#) && indonesian.contains("<h1>Daftar kerja: Sukorambi (35.09.31.2006)</h1>"))
        #expect(indonesian.contains("entas-social-aid · 1 dari 1.250 rumah tangga bertanda"), "counts as Indonesian writes them")
        #expect(indonesian.contains("<th>Kepala keluarga</th>") && indonesian.contains("<th>Berita acara</th>"))
        #expect(indonesian.contains("<td>celah layanan, kasus verifikasi</td>"))
        #expect(indonesian.contains("beda penilaian sejak 3 November 2026 (1 hari), tim tim-1"))
        #expect(indonesian.contains("Siti &lt;Aminah&gt;"), "values stay escaped")

        let english = worklist.page(service: "entas-social-aid", in: .english)
        #expect(english.contains(#"<html lang="en">"#) && english.contains("<h1>Worklist: Sukorambi (35.09.31.2006)</h1>"))
        #expect(english.contains("entas-social-aid · 1 of 1,250 households flagged"))
        #expect(english.contains("<th>Head of household</th>") && english.contains("<td>gap, case</td>"))
        #expect(english.contains("conflict since 3 Nov 2026 (1 day), team tim-1"))
    }
}
