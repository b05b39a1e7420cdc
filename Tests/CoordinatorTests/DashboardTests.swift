import EntasTestKit
import EntasAPI
import EntasDomain
import EntasService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Coordinator

@Suite("The web dashboard", .timeLimit(.minutes(10)), .english)
struct DashboardTests {
    // MARK: HTTP

    @Test("a page without a session goes to /login, remembering where it was; the JSON API still wants its bearer token")
    func redirectsWithoutSession() async throws {
        try await DashboardHarness.withCoordinator(events: try CoordinatorServiceTests.story()) { client, _, token, _ in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
            }
            try await client.execute(uri: "/regions/35.09.31?gaps=20", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?next=/regions/35.09.31%3Fgaps%3D20")
            }
            for forged in [
                "entas_session=\(UUID().lowercaseText).99999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "entas_session=\(token)", "entas_session=", "entas_session=a.b.c",
            ] {
                try await client.execute(uri: "/regions/35.09", method: .get, headers: [.cookie: forged]) { response in
                    #expect(response.status == .seeOther, "\(forged.prefix(30))")
                }
            }
            try await client.execute(uri: "/login?next=/regions/35.09.31%3Fgaps%3D20", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<form class=\"login\" method=\"post\" action=\"/login\">"))
                #expect(page.contains("name=\"next\" value=\"/regions/35.09.31?gaps=20\""))
            }
            let cookie = try await Self.signIn(client, token: token)
            try await client.execute(uri: "/v1/overview", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .unauthorized, "the API takes bearer tokens only, not the dashboard's cookie")
            }
        }
    }

    @Test("signing in sets a signed HttpOnly SameSite=Strict cookie, not the token; pages at every level answer; signing out and revoking end it")
    func signInAndPages() async throws {
        try await DashboardHarness.withCoordinator(events: try CoordinatorServiceTests.story()) { client, _, token, tokens in
            let response = try await Self.post(client, "/login", form: ["token": token, "next": "/regions/35.09.31"])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/regions/35.09.31")
            let setCookie = try #require(response.headers[.setCookie])
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800"] {
                #expect(setCookie.contains(attribute), "\(attribute)")
            }
            #expect(!setCookie.contains("Secure"), "plain HTTP on loopback")
            #expect(!setCookie.contains(token) && !setCookie.contains(String(token.suffix(20))), "the cookie never holds the token")
            let cookie = try #require(setCookie.split(separator: ";").first.map(String.init))
            let behindTLS = try await Self.post(client, "/login", form: ["token": token], headers: [try #require(HTTPFields.Element.Name("X-Forwarded-Proto")): "https"])
            #expect(behindTLS.headers[.setCookie]?.contains("Secure") == true)

            for (uri, text) in [
                ("/", "Kabupaten Jember"), ("/regions/35.09", "Sumberjambe"), ("/regions/35.09.31", "Plerean"),
                ("/regions/35.09.31.2006", "Sumberjambe"), ("/regions/350931", "Plerean"), ("/regions/35.07", "Kabupaten Malang"),
            ] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { page in
                    #expect(page.status == .ok, "\(uri)")
                    #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(page.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'; style-src 'sha256-") == true)
                    #expect(page.headers[.cacheControl] == "no-store")
                    let html = String(buffer: page.body)
                    #expect(html.contains(text), "\(uri) names \(text)")
                    #expect(html.contains("id=\"freshness\""), "\(uri) shows freshness")
                    #expect(html.contains("<svg"), "\(uri) has a chart")
                    #expect(!html.lowercased().contains("<script"), "no script on \(uri)")
                }
            }
            try await client.execute(uri: "/regions/35.09.31", method: .get, headers: [.cookie: cookie]) { page in
                let html = String(buffer: page.body)
                for section in ["id=\"gaps\"", "id=\"conflicts\"", "id=\"strategies\"", "350931******0002"] {
                    #expect(html.contains(section), "\(section)")
                }
                #expect(!DOM.containsSixteenDigits(html), "no raw KK")
            }
            try await client.execute(uri: "/regions/35", method: .get, headers: [.cookie: cookie]) { page in
                #expect(page.status == .seeOther)
                #expect(page.headers[.location] == "/")
            }
            try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer \(token)"]) { page in
                #expect(page.status == .ok, "a bearer token opens the pages too, as it does the API")
            }
            try await client.execute(uri: "/openapi.json", method: .get) { document in
                let paths = Fixture.object(document.body)["paths"] as? [String: [String: [String: Any]]] ?? [:]
                for (path, method) in [("/", "get"), ("/regions/{code}", "get"), ("/login", "get"), ("/login", "post"), ("/logout", "post")] {
                    #expect((paths[path]?[method]?["summary"] as? String)?.isEmpty == false, "\(method) \(path)")
                }
            }

            let signOut = try await Self.post(client, "/logout", form: [:], headers: [.cookie: cookie])
            #expect(signOut.status == .seeOther)
            #expect(signOut.headers[.location] == "/login")
            #expect(signOut.headers[.setCookie]?.contains("Max-Age=0") == true)

            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { page in
                #expect(page.status == .ok, "the cookie is the session: it holds until it expires or the token is revoked")
            }
            try await tokens.revoke(name: "bappeda")
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { page in
                #expect(page.status == .seeOther, "revoking the token ends its sessions")
            }
        }
    }

    @Test("a wrong token is refused with the form again and no cookie")
    func wrongTokens() async throws {
        try await DashboardHarness.withCoordinator(events: []) { client, _, _, _ in
            let unknown = "entas.coordinator.\(String(repeating: "A", count: 43))"
            let other = "entas.social-aid.\(String(repeating: "B", count: 43))"
            for (token, status, message) in [
                (unknown, HTTPResponse.Status.unauthorized, "not a live coordinator token"),
                (other, .forbidden, "issued by another Entas service"),
                ("", .unauthorized, "Enter a coordinator token"),
                ("<script>alert(1)</script>", .unauthorized, "not a live coordinator token"),
            ] {
                let response = try await Self.post(client, "/login", form: ["token": token, "next": "//evil.example/"])
                #expect(response.status == status, "\(token.prefix(20))")
                #expect(response.headers[.setCookie] == nil)
                let page = String(buffer: response.body)
                #expect(page.contains(message))
                #expect(token.isEmpty || !page.contains(token), "the token is not echoed")
                #expect(page.contains("name=\"next\" value=\"/\""), "only local dashboard pages are returned to")
            }
            let garbled = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "%%%&&&=="))
            #expect(garbled.status == .unauthorized)
        }
    }

    @Test("an unknown region is a 404 page, and what the address says is escaped on it")
    func unknownRegion() async throws {
        try await DashboardHarness.withCoordinator(events: try CoordinatorServiceTests.story()) { client, _, token, _ in
            let cookie = try await Self.signIn(client, token: token)
            for uri in ["/regions/35.99", "/regions/35.09.31.9999", "/regions/nonsense", "/regions/%3Cb%3Ebold%3C%2Fb%3E", "/regions/a&b'c"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { page in
                    #expect(page.status == .notFound, "\(uri)")
                    #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                    let html = String(buffer: page.body)
                    #expect(html.contains("Region not found"), "\(uri)")
                    #expect(!html.contains("<b>"), "\(uri) is escaped")
                    #expect(html.contains("id=\"freshness\""))
                }
            }
            try await client.execute(uri: "/regions/a&b'c", method: .get, headers: [.cookie: cookie]) { page in
                #expect(String(buffer: page.body).contains("\u{201C}a&amp;b&#39;c\u{201D}"), "the address is shown escaped")
            }
        }
    }

    // MARK: rendering

    @Test(
        "HTML escapes every character that could end a text or an attribute",
        arguments: [
            ("plain", "plain"), ("a & b", "a &amp; b"), ("<script>", "&lt;script&gt;"), ("\"x\"", "&quot;x&quot;"),
            ("it's", "it&#39;s"), ("Désa Ñ", "Désa Ñ"),
        ])
    func escaping(input: String, expected: String) {
        #expect(HTML.escape(input) == expected)
        let html: HTML = "<td title=\"\(input)\">\(input)</td>"
        #expect(html.rendered == "<td title=\"\(expected)\">\(expected)</td>")
    }

    @Test("every value a page shows is escaped: region names, desa names, masked KK")
    func pageEscapesValues() throws {
        let hostile = "<script>alert('x')</script> & \"Co\""
        let page = try DashboardRenderingFixture.page(hostile: hostile)
        let html = page.render().rendered
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;b&gt;350931&lt;/b&gt;"))
    }

    @Test("numbers, money, shares and times are written the same everywhere")
    func formats() throws {
        #expect(DashboardFormat.count(0) == "0")
        #expect(DashboardFormat.count(999) == "999")
        #expect(DashboardFormat.count(1_485) == "1,485")
        #expect(DashboardFormat.count(12_827) == "12,827")
        #expect(DashboardFormat.count(-1_234_567) == "-1,234,567")
        #expect(DashboardFormat.rupiah(1_250_000) == "Rp 1,250,000")
        #expect(DashboardFormat.percent(1, of: 3) == "33%")
        #expect(DashboardFormat.percent(1, of: 0) == "–")
        #expect(DashboardFormat.time(Date(timeIntervalSince1970: 1_799_118_000)) == "2027-01-05 10:00 WIB")
        #expect(DashboardFormat.machineTime(Date(timeIntervalSince1970: 1_799_118_000)) == "2027-01-05T03:00:00Z")
        #expect(DashboardFormat.month(try CalendarMonth("2027-03")) == "Mar 2027")
        #expect(LineChart.niceCeiling(1_485) == 2_000)
        #expect(LineChart.niceCeiling(9) == 20)
        #expect(LineChart.niceCeiling(0) == 4)
        #expect(HeatTable.bucket(95, of: 100) == 9)
        #expect(HeatTable.bucket(0, of: 0) == 0)
        #expect(DashboardPaths.safeNext("/regions/35.09?gaps=20#gaps") == "/regions/35.09?gaps=20#gaps")
        for unsafe in ["//evil.example", "https://evil.example/", "/regions/../v1/overview", "/v1/overview", "/regions/\"><x", nil] {
            #expect(DashboardPaths.safeNext(unsafe) == "/", "\(unsafe ?? "nil")")
        }
    }

    // MARK: helpers

    static func post(
        _ client: some TestClientProtocol, _ uri: String, form: [String: String], headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = form.sorted { $0.key < $1.key }.map { "\($0.key)=\(DashboardPaths.percentEncoded($0.value))" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Signs in and returns the `Cookie` header value.
    static func signIn(_ client: some TestClientProtocol, token: String) async throws -> String {
        let response = try await post(client, "/login", form: ["token": token])
        #expect(response.status == .seeOther)
        return try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
    }

    // MARK: in a browser

    @Test("headless Chromium signs in and shows the fixture's numbers on the province, kabupaten, kecamatan and desa pages")
    func chromium() async throws {
        let scratch = try TemporaryFolder("CoordinatorTests")
        defer { scratch.remove() }
        let browser = try Chromium(scratch: scratch.url)
        let fixture = try DashboardFixture.make()
        let sumberjambe = try #require(fixture.tallies["35.09.31"])
        let all = fixture.tallies.values.reduce(DashboardFixture.Tally(), +)
        let eventCount = fixture.events.count
        let screenshots = Self.packageRoot.appendingPathComponent(".build/screenshots", isDirectory: true)
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)

        try await DashboardHarness.withCoordinator(events: fixture.events, waitForZeroLag: true) { client, port, token, _ in
            let base = "http://127.0.0.1:\(port)"
            let signedIn = try await browser.signIn(at: base, token: token)
            #expect(signedIn.contains("id=\"login-heading\""), "the post comes from a file: page, so the redirect after it lacks the Strict cookie")

            // The province.
            let province = try await browser.dumpDOM("\(base)/")
            try #require(province.contains("id=\"status-table\""), "Chromium is signed in: \(DOM.text(province).prefix(200))")
            #expect(DOM.text(ofID: "figure-households", in: province) == DashboardFormat.count(all.households))
            #expect(DOM.text(ofID: "figure-gaps", in: province) == DashboardFormat.count(all.gaps))
            #expect(DOM.text(ofID: "figure-conflicts", in: province) == DashboardFormat.count(all.conflicts))
            #expect(DOM.text(ofID: "figure-cases-open", in: province) == DashboardFormat.count(all.conflicts))
            let jember = DOM.cells(ofRowMarked: "data-region=\"35.09\"", in: province)
            #expect(
                jember == [
                    "Kabupaten Jember", "12,827", "51,308", DashboardFormat.count(sumberjambe.sangatMiskin), "5,574", "5,768",
                    DashboardFormat.count(sumberjambe.graduated), "0", "1,485", "5,574", "5,768",
                    DashboardFormat.count(sumberjambe.gaps), DashboardFormat.count(sumberjambe.conflicts),
                    // Every conflict opens a verification case; none verified yet.
                    DashboardFormat.count(sumberjambe.conflicts), "0",
                ])
            #expect(sumberjambe.sangatMiskin == 1_237 && sumberjambe.graduated == 248)
            try await Self.expectRowsMatchAPI(province, client: client, token: token, region: "35", depth: 1)
            #expect(province.contains("href=\"/regions/35.11\""), "Bondowoso links down")
            #expect(province.components(separatedBy: "<polyline").count - 1 == 3, "SM, baseline and graduated lines")
            #expect(DOM.text(ofID: "last-event", in: province)?.hasSuffix("WIB") == true)
            #expect(DOM.text(ofID: "freshness", in: province)?.contains("\(DashboardFormat.count(eventCount)) events applied") == true)
            #expect(DOM.text(ofID: "consumer-lag", in: province) == "0 events")
            #expect(!province.lowercased().contains("<script"))

            // Kabupaten Jember, Kecamatan Sumberjambe, Desa Sumberjambe.
            let kabupaten = try await browser.dumpDOM("\(base)/regions/35.09")
            #expect(DOM.cells(ofRowMarked: "data-region=\"35.09.31\"", in: kabupaten).prefix(6) == ["Sumberjambe", "12,827", "51,308", "1,237", "5,574", "5,768"])
            try await Self.expectRowsMatchAPI(kabupaten, client: client, token: token, region: "35.09", depth: 1)

            let kecamatan = try await browser.dumpDOM("\(base)/regions/35.09.31")
            try await Self.expectRowsMatchAPI(kecamatan, client: client, token: token, region: "35.09.31", depth: 1)
            #expect(DOM.text(ofID: "gaps-heading", in: kecamatan)?.contains("(\(DashboardFormat.count(sumberjambe.gaps)))") == true)
            #expect(DOM.text(ofID: "conflicts-heading", in: kecamatan)?.contains("(\(DashboardFormat.count(sumberjambe.conflicts)))") == true)
            #expect(DOM.text(ofID: "cases-heading", in: kecamatan)?.contains("(\(DashboardFormat.count(sumberjambe.conflicts)))") == true, "every conflict has its case open")
            #expect(kecamatan.components(separatedBy: "350931******").count - 1 == 3 * DashboardReader.pageSize, "a page of each list (gaps, conflicts, cases), masked")
            #expect(!DOM.containsSixteenDigits(kecamatan), "no raw KK")
            #expect(fixture.sampleKKs.allSatisfy { !kecamatan.contains($0) })
            #expect(kecamatan.contains("Households 1–20 of \(DashboardFormat.count(sumberjambe.gaps))"))
            #expect(DOM.text(ofID: "strategy-table", in: kecamatan) != nil)
            #expect(kecamatan.contains("Perlindungan Sosial"))

            let next = try await browser.dumpDOM("\(base)/regions/35.09.31?gaps=20&conflicts=0#gaps")
            #expect(next.contains("Households 21–40 of \(DashboardFormat.count(sumberjambe.gaps))"))

            let desa = try await browser.dumpDOM("\(base)/regions/35.09.31.2006")
            try await Self.expectRowsMatchAPI(desa, client: client, token: token, region: "35.09.31.2006", depth: 0)

            // For review: desktop and phone width.
            for (name, path, width, height) in [
                ("province-1280", "/", 1280, 2000), ("province-390", "/", 390, 2400),
                ("kecamatan-1280", "/regions/35.09.31", 1280, 2600), ("kecamatan-390", "/regions/35.09.31", 390, 3200),
            ] {
                let file = screenshots.appendingPathComponent("dashboard-\(name).png")
                try await browser.screenshot("\(base)\(path)", to: file, width: width, height: height)
                #expect(Self.pngWidth(file) == width, "\(name)")
            }
        }
    }

    /// Every row of the page's status table equals the JSON API's overview of the same region.
    static func expectRowsMatchAPI(
        _ html: String, client: some TestClientProtocol, token: String, region: String, depth: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let response = try await client.execute(
            uri: "/v1/overview?region=\(region)&depth=\(depth)", method: .get, headers: [.authorization: "Bearer \(token)"])
        let overview = try JSONDecoder().decode(Overview.self, from: Data(response.body.readableBytesView))
        let rows = depth == 0 ? [overview.region] : overview.regions
        #expect(!rows.isEmpty, sourceLocation: sourceLocation)
        for row in rows {
            let totals = row.totals
            let expected = [
                row.name, totals.households, totals.people, totals.sangatMiskin, totals.miskin, totals.hampirMiskin, totals.graduated,
                totals.tidakMiskin, totals.baselineSangatMiskin, totals.baselineMiskin, totals.baselineHampirMiskin,
                totals.gaps, totals.conflicts, totals.casesOpen, totals.casesVerified,
            ].map { ($0 as? Int).map(DashboardFormat.count) ?? "\($0)" }
            #expect(DOM.cells(ofRowMarked: "data-region=\"\(row.code.dotted)\"", in: html) == expected, "\(row.code)", sourceLocation: sourceLocation)
        }
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The width in a PNG's header.
    static func pngWidth(_ file: URL) -> Int? {
        guard let data = try? Data(contentsOf: file), data.count > 24 else { return nil }
        return data[16..<20].reduce(0) { $0 << 8 | Int($1) }
    }
}

/// A region page made by hand, with markup in every name a page shows.
enum DashboardRenderingFixture {
    static func page(hostile: String) throws -> RegionPage {
        let kabupaten = try RegionCode("35.09")
        let kecamatan = try RegionCode("35.09.31")
        let desa = try RegionCode("35.09.31.2006")
        let image = "<img src=x onerror=alert(1)>"
        let reference = RegionReference(regions: [
            RegionReference.provinceRegion, Region(code: kabupaten, name: hostile, kind: .kabupaten),
            Region(code: kecamatan, name: image, kind: .kecamatan), Region(code: desa, name: hostile, kind: .desa),
        ])
        var totals = RegionTotals()
        totals.households = 10
        totals.sangatMiskin = 4
        totals.miskin = 3
        totals.hampirMiskin = 3
        totals.baselineSangatMiskin = 5
        totals.coveredSocialAid = 2
        totals.gaps = 1
        totals.conflicts = 1
        let region = RegionSummary(code: kabupaten, name: hostile, level: .kabupaten, totals: totals)
        let key = try HouseholdKey(String(repeating: "a", count: 64))
        let month = try CalendarMonth("2027-03")
        let data = RegionPageData(
            overview: Overview(region: region, depth: 1, regions: [RegionSummary(code: kecamatan, name: image, level: .kecamatan, totals: totals)]),
            progress: ProgressReport(
                region: region, from: month, to: month,
                months: [ProgressMonth(month: month, sangatMiskin: 4, miskin: 3, hampirMiskin: 3, tidakMiskin: 0, graduated: 0)]),
            strategies: StrategyReport(
                regionCode: kabupaten, regionName: hostile,
                rows: [StrategyRow(cluster: .socialAid, strategy: .socialProtection, activeEnrolments: 1, enrolmentsStarted: 1, deliveries: 1, deliveredRupiah: 750_000)]),
            gaps: HouseholdPage(
                total: 1, limit: 20, offset: 0,
                items: [GapItem(key: key, maskedKK: "<b>350931</b>", desaCode: desa, desaName: hostile, consensusStatus: .sangatMiskin, coveredBy: [], uncovered: true)]),
            conflicts: HouseholdPage(
                total: 1, limit: 20, offset: 0,
                items: [ConflictItem(key: key, maskedKK: hostile, desaCode: desa, desaName: image, consensusStatus: .miskin, assessments: [])]),
            freshness: FreshnessSummary(lastEventTime: Date(timeIntervalSince1970: 1_799_118_000), eventsApplied: 5, lag: nil, lagProblem: hostile))
        return RegionPage(data: data, reference: reference)
    }
}
