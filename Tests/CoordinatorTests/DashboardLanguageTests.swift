import EntasAPI
import EntasDomain
import EntasService
import EntasTestKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Coordinator

/// The dashboard and the printable report in Bahasa Indonesia by default and in English on request: from
/// `Accept-Language`, from the switch at the top of every page (a cookie), and with nothing written in a view.
@Suite("The dashboard in Bahasa Indonesia and English", .timeLimit(.minutes(10)), .language(.indonesian))
struct DashboardLanguageTests {
    @Test("pages follow Accept-Language (Indonesian by default), the switch keeps a choice, and every text comes from the catalogues")
    func pagesInBothLanguages() async throws {
        try await DashboardHarness.withCoordinator(events: try CoordinatorServiceTests.story()) { client, _, token, _ in
            try await client.execute(uri: "/login", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<html lang=\"id\">"))
                #expect(page.contains("Masuk ke dasbor koordinator"))
                #expect(response.headers[.contentLanguage] == "id")
            }
            try await client.execute(uri: "/login", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.8"]) { response in
                #expect(String(buffer: response.body).contains("Sign in to the coordinator dashboard"))
            }
            let cookie = try await DashboardTests.signIn(client, token: token)
            let paths = ["/", "/regions/35.09", "/regions/35.09.31", "/regions/35.09.31.2006", "/regions/35.09.31/cycle", "/regions/99.99", "/login"]
            for path in paths {
                let indonesian = try await Self.page(client, path, cookie: cookie, language: "id")
                let english = try await Self.page(client, path, cookie: cookie, language: "en")
                #expect(indonesian.contains("<html lang=\"id\">"), "\(path)")
                #expect(english.contains("<html lang=\"en\">"), "\(path)")
                #expect(!indonesian.contains("⟦") && !english.contains("⟦"), "\(path): a key missing from a catalogue")
                let untranslated = Self.untranslated(indonesian, english)
                #expect(untranslated.isEmpty, "\(path): texts the same in both languages: \(untranslated)")
            }
            let province = try await Self.page(client, "/", cookie: cookie, language: "id")
            #expect(province.contains("Cakupan per kluster") && province.contains("Rumah tangga"))
            #expect(province.contains("Bahasa Indonesia") && province.contains("href=\"/language/en?next=/\""))

            // The switch: English kept in a cookie even though the browser asks for Indonesian.
            try await client.execute(uri: "/language/en?next=/regions/35.09.31%3Fgaps%3D20", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/regions/35.09.31?gaps=20")
                #expect(response.headers[.setCookie]?.hasPrefix("entas_lang=en") == true)
            }
            let chosen = try await Self.page(client, "/", cookie: cookie + "; entas_lang=en", language: "id")
            #expect(chosen.contains("<html lang=\"en\">") && chosen.contains("Coverage per cluster"))
            try await client.execute(uri: "/language/en?next=https://example.org/", method: .get) { response in
                #expect(response.headers[.location] == "/", "the switch never sends anyone to another site")
            }
            try await client.execute(uri: "/language/fr", method: .get, headers: [.acceptLanguage: "id"]) { response in
                #expect(response.status == .notFound)
                let problem = try JSONDecoder().decode(ProblemDocument.Body.self, from: Data(response.body.readableBytesView))
                #expect(problem.detail.contains("Bahasa 'fr' tidak tersedia"))
                #expect(problem.title == "Tidak ditemukan")
            }

            // The printable evaluation report, from the API.
            var reports: [String: String] = [:]
            for (language, heading) in [("id", "Cara angka dihitung"), ("en", "How the figures are counted")] {
                let response = try await client.execute(
                    uri: "/v1/evaluation/report?region=35.09&period=2027", method: .get,
                    headers: [.authorization: "Bearer \(token)", .acceptLanguage: language])
                let report = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(report.contains("<html lang=\"\(language)\">") && report.contains(heading), "\(language)")
                #expect(!report.contains("⟦"))
                reports[language] = report
            }
            let untranslatedReport = Self.untranslated(reports["id"] ?? "", reports["en"] ?? "")
            #expect(untranslatedReport.isEmpty, "the report: texts the same in both languages: \(untranslatedReport)")
        }
    }

    @Test("a household's history reads in the request's language: each row is stored as a key and its values")
    func historyInBothLanguages() async throws {
        let b = try TestHousehold(2, in: "35.09.31.2006")
        try await DashboardHarness.withCoordinator(events: try CoordinatorServiceTests.story()) { client, _, token, _ in
            func history(_ language: String) async throws -> [String] {
                let response = try await client.execute(
                    uri: "/v1/households/\(b.kk.rawValue)", method: .get, headers: [.authorization: "Bearer \(token)", .acceptLanguage: language])
                let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                return (object?["history"] as? [[String: Any]] ?? []).compactMap { $0["summary"] as? String }
            }
            let indonesian = try await history("id")
            let english = try await history("en")
            #expect(indonesian.contains { $0.hasPrefix("dinilai miskin oleh socialAid") }, "\(indonesian)")
            #expect(english.contains { $0.hasPrefix("assessed miskin by socialAid") }, "\(english)")
            #expect(indonesian.contains { $0.hasPrefix("didaftarkan oleh") } && english.contains { $0.hasPrefix("registered by") })
            #expect(indonesian.allSatisfy { !$0.contains("⟦") && !$0.contains("\u{1E}") } && english.allSatisfy { !$0.contains("⟦") })
            // A summary stored before the catalogues (plain English) reads as it was.
            #expect(HistorySummary.message(stored: "assessed miskin by socialAid").rendered(in: .indonesian) == "assessed miskin by socialAid")
            let stored = HistorySummary.stored(Message("coordinator.history.graduated", .text("socialAid")), recordedBy: "dinsos-jember")
            #expect(HistorySummary.message(stored: stored).rendered(in: .indonesian) == "graduasi oleh socialAid; dicatat oleh operator dinsos-jember")
        }
    }

    @Test("numbers, money and days as id-ID writes them on a page; English keeps its own")
    func formats() throws {
        #expect(DashboardFormat.count(12_827) == "12.827")
        #expect(DashboardFormat.rupiah(750_000) == "Rp750.000")
        #expect(EvaluationSections.percent(72.5) == "72,5%")
        #expect(DashboardFormat.day(try CalendarDate("2026-12-03")) == "3 Desember 2026")
        Language.$current.withValue(.english) {
            #expect(DashboardFormat.count(12_827) == "12,827")
            #expect(EvaluationSections.percent(72.5) == "72.5%")
        }
    }

    @Test("headless Chromium in Indonesian signs in and reads the Indonesian dashboard; with English chosen on the page, the English one")
    func chromium() async throws {
        let scratch = try TemporaryFolder("CoordinatorTests")
        defer { scratch.remove() }
        let browser = try Chromium(scratch: scratch.url, language: "id-ID")
        let fixture = try DashboardFixture.make()
        let sumberjambe = try #require(fixture.tallies["35.09.31"])
        let screenshots = DashboardTests.packageRoot.appendingPathComponent(".build/screenshots", isDirectory: true)
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)

        try await DashboardHarness.withCoordinator(events: fixture.events, waitForZeroLag: true) { _, port, token, _ in
            let base = "http://127.0.0.1:\(port)"
            let signIn = try await browser.signIn(at: base, token: token)
            #expect(signIn.contains("Masuk ke dasbor koordinator"))

            let province = try await browser.dumpDOM("\(base)/")
            try #require(province.contains("id=\"status-table\""), "Chromium is signed in: \(DOM.text(province).prefix(200))")
            #expect(province.contains("<html lang=\"id\">"))
            #expect(DOM.text(ofID: "coverage-heading", in: province) == "Cakupan per kluster")
            #expect(DOM.text(ofID: "status-heading", in: province) == "Rumah tangga menurut status konsensus, per kabupaten/kota")
            let jember = DOM.cells(ofRowMarked: "data-region=\"35.09\"", in: province)
            #expect(Array(jember.prefix(3)) == ["Kabupaten Jember", "12.827", "51.308"])
            #expect(Array(jember.dropFirst(4).prefix(2)) == ["5.574", "5.768"])
            #expect(Array(jember.dropFirst(8).prefix(3)) == ["1.485", "5.574", "5.768"], "the PPLS 2008 baseline")
            #expect(DOM.text(ofID: "consumer-lag", in: province) == "0 peristiwa")
            #expect(DOM.text(ofID: "last-event", in: province)?.hasSuffix("WIB") == true)

            let kecamatan = try await browser.dumpDOM("\(base)/regions/35.09.31")
            #expect(DOM.text(ofID: "gaps-heading", in: kecamatan) == "Celah layanan (\(DashboardFormat.count(sumberjambe.gaps)))")
            #expect(kecamatan.contains("Rumah tangga 1–20 dari \(DashboardFormat.count(sumberjambe.gaps))"))

            for (name, path, height) in [("provinsi", "/", 1700), ("kecamatan", "/regions/35.09.31", 2200), ("siklus", "/regions/35.09/cycle", 1700)] {
                let file = screenshots.appendingPathComponent("dasbor-\(name).png")
                try await browser.screenshot("\(base)\(path)", to: file, width: 1280, height: height)
                #expect(DashboardTests.pngWidth(file) == 1280, "\(name)")
            }

            // English, chosen with the page's own switch.
            let link = try #require(province.firstMatch(of: /href="(\/language\/en[^"]*)"/).map { String($0.output.1) })
            _ = try await browser.dumpDOM("\(base)\(link.replacingOccurrences(of: "&amp;", with: "&"))")
            let english = try await browser.dumpDOM("\(base)/")
            #expect(english.contains("<html lang=\"en\">"))
            #expect(DOM.text(ofID: "coverage-heading", in: english) == "Coverage per cluster")
            #expect(Array(DOM.cells(ofRowMarked: "data-region=\"35.09\"", in: english).prefix(3)) == ["Kabupaten Jember", "12,827", "51,308"])
        }
    }

    // MARK: helpers

    static func page(_ client: some TestClientProtocol, _ path: String, cookie: String, language: String) async throws -> String {
        let response = try await client.execute(uri: path, method: .get, headers: [.cookie: cookie, .acceptLanguage: language])
        return String(buffer: response.body)
    }

    /// The text nodes of `indonesian` that `english` has word for word, other than names, codes and
    /// abbreviations (``UntranslatedText``), and the dashboard's short cluster names.
    static func untranslated(_ indonesian: String, _ english: String) -> [String] {
        UntranslatedText.pieces(textNodes(indonesian), sameIn: textNodes(english), alsoShared: dashboardWords)
    }

    /// Every run of text between tags (and every `title`/`aria-label` value), trimmed, with a letter in it.
    static func textNodes(_ html: String) -> [String] {
        let body = html.components(separatedBy: "<style>").first.map { head in
            head + (html.components(separatedBy: "</style>").dropFirst().joined(separator: "</style>"))
        } ?? html
        var nodes: [String] = []
        for match in body.matches(of: /(?:title|aria-label)="([^"]*)"/) { nodes.append(String(match.output.1)) }
        for match in body.matches(of: />([^<>]+)</) { nodes.append(String(match.output.1)) }
        return nodes.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { $0.contains(where: \.isLetter) }
    }

    /// The dashboard's short cluster names (Bansos, Pemberdayaan, UMKM, Program Murah).
    static let dashboardWords: Set<String> = Set(Cluster.allCases.flatMap { $0.shortName.lowercased().split(separator: " ").map(String.init) })
}
