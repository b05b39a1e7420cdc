import EntasDomain
import EntasKafka
import EntasService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

import EntasTestKit

/// A service's problem documents through its real router (the shared middleware, token authentication, the
/// audit routes) over HTTP on loopback: Indonesian by default and with `Accept-Language: id`, English with
/// `en`, `Content-Language` saying which; codes and fields the same in both.
@Suite("Problem documents in the request's language")
struct ProblemLanguageTests {
    struct Answer {
        var status: HTTPResponse.Status
        var contentLanguage: String?
        var body: [String: Any]
        var detail: String { body["detail"] as? String ?? "" }
        var title: String { body["title"] as? String ?? "" }
    }

    struct Member: Decodable {
        var nik: NIK
        var period: Period
    }

    static let nikEnglish =
        "nik: a NIK has exactly 16 digits, this one has 12 characters; copy all 16 digits from the card, without spaces or dots"
    static let nikIndonesian =
        "nik: NIK terdiri atas tepat 16 angka, sedangkan yang ini 12 karakter; salin ke-16 angka dari kartu tanpa spasi atau titik"

    @Test("a bad NIK, a bad body, a missing token, a non-admin token and a region outside the token's, in both languages")
    func problemsInBothLanguages() async throws {
        // The server's own default is the standard language, whatever a surrounding test set.
        try await Language.$current.withValue(.standard) { try await run() }
    }

    private func run() async throws {
        let kafka = try EmbeddedKafka(logger: ServiceTestSupport.logger)
        defer { kafka.stop() }
        let (_, directory) = try ServiceTestSupport.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = ServiceConfiguration(
            serviceName: "social-aid", databasePath: directory.appendingPathComponent("language.sqlite").path,
            kafka: ServiceTestSupport.kafkaSettings(kafka), logLevel: .critical, httpHost: "127.0.0.1", httpPort: 0)
        let runtime = try ServiceRuntime(configuration: configuration, logger: ServiceTestSupport.logger) { _ in }
        let router = runtime.makeRouter()
        let open = runtime.root(router)
        open.get("test/people/{nik}", summary: "A person by NIK (test)") { _, context in
            "\(try context.nik().masked)"
        }
        open.post("test/members", summary: "A member (test)") { request, context in
            let member = try await request.decodeJSON(as: Member.self, context: context)
            return member.nik.masked
        }
        _ = runtime.api(router)
        let write = try await runtime.tokens.create(name: "field-team-jember", role: .write).token
        let regionalAdmin = try await runtime.tokens.create(name: "admin-jember", role: .admin, region: try RegionCode("35.09")).token
        let app = try runtime.application(router: router, title: "language", services: [])
        try await app.test(.live) { client in
            func ask(
                _ uri: String, method: HTTPRequest.Method = .get, language: String?, token: String? = nil, body: String? = nil
            ) async throws -> Answer {
                var headers = HTTPFields()
                if let language { headers[.acceptLanguage] = language }
                if let token { headers[.authorization] = "Bearer \(token)" }
                if body != nil { headers[.contentType] = "application/json" }
                return try await client.execute(
                    uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    Answer(
                        status: response.status, contentLanguage: response.headers[.contentLanguage],
                        body: (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:])
                }
            }

            // A NIK in the path: the domain's IdentityNumberError, through the ProblemMiddleware.
            let indonesian = try await ask("/test/people/350931550785", language: "id")
            #expect(indonesian.status == .unprocessableContent)
            #expect(indonesian.contentLanguage == "id")
            #expect(indonesian.detail == Self.nikIndonesian)
            #expect(indonesian.title == "Isian tidak sah")
            #expect(indonesian.body["code"] as? String == "invalid-field")
            #expect(indonesian.body["field"] as? String == "nik")
            let english = try await ask("/test/people/350931550785", language: "en-GB,en;q=0.9")
            #expect(english.status == .unprocessableContent)
            #expect(english.contentLanguage == "en")
            #expect(english.detail == Self.nikEnglish)
            #expect(english.title == "A field is not valid")
            #expect(english.body["code"] as? String == "invalid-field")
            #expect(english.body["field"] as? String == "nik")
            let unnamed = try await ask("/test/people/350931550785", language: nil)
            #expect(unnamed.contentLanguage == "id")
            #expect(unnamed.detail == Self.nikIndonesian)
            let other = try await ask("/test/people/350931550785", language: "de, fr;q=0.8")
            #expect(other.contentLanguage == "id")
            #expect(other.detail == Self.nikIndonesian)

            // The same NIK in a JSON body: the decoding error's underlying domain error.
            let body = #"{"nik": "350931550785", "period": "2027-Q1"}"#
            let bodyIndonesian = try await ask("/test/members", method: .post, language: "id", body: body)
            #expect(bodyIndonesian.status == .unprocessableContent)
            #expect(bodyIndonesian.detail == Self.nikIndonesian)
            #expect(bodyIndonesian.body["field"] as? String == "nik")
            let bodyEnglish = try await ask("/test/members", method: .post, language: "en", body: body)
            #expect(bodyEnglish.detail == Self.nikEnglish)

            // Other value errors and the decoding texts.
            let period = try await ask(
                "/test/members", method: .post, language: "id", body: #"{"nik": "3509315507850003", "period": "2027-Q5"}"#)
            #expect(period.detail == "tahun 2027, triwulan 5 bukan periode (tahun 1–9999, triwulan 1–4, bulan 01–12); tulis 2027, 2027-Q1 atau 2027-03")
            let missing = try await ask("/test/members", method: .post, language: "id", body: #"{"nik": "3509315507850003"}"#)
            #expect(missing.detail == "'period' wajib diisi")
            #expect(missing.body["field"] as? String == "period")
            let missingEnglish = try await ask("/test/members", method: .post, language: "en", body: #"{"nik": "3509315507850003"}"#)
            #expect(missingEnglish.detail == "'period' is required")
            let number = try await ask("/test/members", method: .post, language: "id", body: #"{"nik": "3509315507850003", "period": 2027}"#)
            #expect(number.detail == "'period' harus berupa teks dalam tanda kutip", "the JSON type in words, not Swift's name")
            let numberEnglish = try await ask("/test/members", method: .post, language: "en", body: #"{"nik": "3509315507850003", "period": 2027}"#)
            #expect(numberEnglish.detail == "'period' must be text in quotes")
            let list = try await ask("/test/members", method: .post, language: "id", body: "[1, 2]")
            #expect(list.status == .badRequest)
            #expect(list.title == "Isi permintaan tidak dapat dibaca")
            #expect(list.detail.hasPrefix("isi permintaan harus berupa satu objek JSON ({ … })"), "\(list.body)")
            let control = try await ask(
                "/test/members", method: .post, language: "id", body: #"{"nik": "3509315507850003\u0000", "period": "2027"}"#)
            #expect(control.detail == "'nik' memuat U+0000, karakter kendali; teks tidak boleh memuat karakter kendali (NUL, escape) atau karakter penimpaan atau isolasi arah teks: ketik ulang nilainya")

            // No token, a write token where an admin one is needed, a region outside the token's.
            let noToken = try await ask("/v1/audit", language: "id")
            #expect(noToken.status == .unauthorized)
            #expect(noToken.contentLanguage == "id")
            #expect(noToken.title == "Perlu autentikasi")
            let notAdmin = try await ask("/v1/audit", language: nil, token: write)
            #expect(notAdmin.status == .forbidden)
            #expect(notAdmin.body["code"] as? String == "admin-required")
            #expect(notAdmin.title == "Perlu token admin")
            #expect(notAdmin.detail.hasPrefix("Hanya token admin yang boleh membaca jejak audit; token ini bukan token admin."), "\(notAdmin.detail)")
            let notAdminEnglish = try await ask("/v1/audit", language: "en", token: write)
            #expect(notAdminEnglish.detail.hasPrefix("Only an admin token may read the audit trail; this token is not one."), "\(notAdminEnglish.detail)")
            let outside = try await ask("/v1/audit?region=35.10", language: "id", token: regionalAdmin)
            #expect(outside.status == .forbidden)
            #expect(outside.body["code"] as? String == "outside-region")
            #expect(outside.title == "Di luar wilayah token ini")
            #expect(outside.detail.hasPrefix("Token ini hanya boleh membaca dan menulis di Kabupaten Jember (35.09); 35.10 berada di luar wilayah itu."), "\(outside.detail)")
            let badRegion = try await ask("/v1/audit?region=36.01", language: "id", token: regionalAdmin)
            #expect(badRegion.detail == "kode wilayah diawali provinsi \"36\", padahal Entas hanya mencakup provinsi 35 (Jawa Timur); periksa kodenya")
            let badDay = try await ask("/v1/audit?from=2027-02-30", language: "en", token: regionalAdmin)
            #expect(badDay.detail.hasPrefix("from is a day YYYY-MM-DD: year 2027, month 2, day 30 is not a calendar date"), "\(badDay.detail)")
            let badLimit = try await ask("/v1/audit?limit=0", language: "id", token: regionalAdmin)
            #expect(badLimit.detail == "limit harus berupa bilangan bulat 1 sampai 1000, bukan '0'")
            let unknownRoute = try await ask("/nowhere", language: "id")
            #expect(unknownRoute.status == .notFound)
            #expect(unknownRoute.title == "Tidak ditemukan")
            #expect(unknownRoute.contentLanguage == "id")
        }
    }
}
