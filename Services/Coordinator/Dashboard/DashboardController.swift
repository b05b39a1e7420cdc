import EntasAPI
import EntasDomain
import EntasService
import Foundation
import Hummingbird

/// The web dashboard: `/` (the province), `/regions/{code}` (a kabupaten/kota, kecamatan or desa), and
/// sign-in at `/login` with a coordinator token, which sets a signed session cookie. Server-rendered HTML with
/// inline SVG and CSS: no script, nothing from another site. The JSON API under `/v1` keeps its bearer tokens.
struct DashboardController: Sendable {
    let reader: DashboardReader
    let tokens: TokenStore
    let sessions: DashboardSessions

    init(runtime: ServiceRuntime, queries: CoordinatorQueries, subscription: EventSubscription, secret: HouseholdKeySecret) {
        reader = DashboardReader(queries: queries, subscription: subscription)
        tokens = runtime.tokens
        sessions = DashboardSessions(secret: secret, database: runtime.database, service: runtime.tokens.service)
    }

    private struct LoginForm: Decodable {
        var token: String?
        var next: String?
    }

    func addRoutes(to router: DocumentedRoutes<AgencyRequestContext>) {
        let router = router.add(middleware: DashboardLanguageMiddleware())
        router.get("language/{code}", summary: "Dashboard language switch: keeps id (Bahasa Indonesia) or en (English) in a cookie and goes back to ?next= (a dashboard page)") { request, context in
            try DashboardLanguage.choose(request, context)
        }
        router.get("login", summary: "Dashboard sign-in form") { request, _ in
            HTMLPage(html: LoginPage(next: DashboardPaths.safeNext(request.uri.queryParameters.get("next"))).render())
        }
        router.post("login", summary: "Dashboard sign-in (form field token: a coordinator token); sets an HttpOnly, SameSite=Strict session cookie") { request, context in try await signIn(request, context) }
        router.post("logout", summary: "Dashboard sign-out: clears the session cookie") { request, _ in
            var response = Response.redirect(to: "/login")
            response.setCookie(sessions.clearingCookie(secure: Self.isHTTPS(request)))
            response.headers[.cacheControl] = "no-store"
            return response
        }
        let pages = router.add(middleware: DashboardAuthMiddleware(sessions: sessions))
        pages.get("/", summary: "Dashboard (HTML): the province by kabupaten/kota (a regional token's own region); needs the session cookie from POST /login") { request, context in
            guard context.scope.isProvince else { return Response.redirect(to: "/regions/\(context.scope.region.dotted)") }
            return try await regionPage(.eastJava, request, context)
        }
        pages.get("regions/{code}", summary: "Dashboard (HTML): a kabupaten/kota, kecamatan or desa with its gaps, conflicts, open verification cases and strategies (?gaps=&conflicts=&cases= list offsets)") { request, context in
            let text = try context.parameters.require("code")
            guard let code = try? RegionCode(text), reader.queries.regions.contains(code) else {
                let page = MessagePage(
                    title: Message("dashboard.regionNotFound.title"),
                    message: Message("dashboard.regionNotFound.named", .text(String(text.prefix(40)))),
                    freshness: try await reader.freshness())
                return try HTMLPage(status: .notFound, html: page.render()).response(from: request, context: context)
            }
            if code == .eastJava { return Response.redirect(to: "/") }
            guard context.scope.contains(code) else { return try await outsideRegion(request, context) }
            return try await regionPage(code, request, context)
        }
        pages.get("regions/{code}/cycle", summary: "Dashboard (HTML): the plan and the evaluation of a region for a period (?period=2025; default the latest year with commitments)") { request, context in
            guard let code = try? RegionCode(try context.parameters.require("code")), reader.queries.regions.contains(code) else {
                return try await notFound(request, context)
            }
            guard context.scope.contains(code) else { return try await outsideRegion(request, context) }
            return try await cyclePage(code, request, context)
        }
        pages.get("regions/{code}/cycle/report", summary: "Dashboard: the printable evaluation report of a region and period, as an HTML file (?period=)") { request, context in
            guard let code = try? RegionCode(try context.parameters.require("code")), reader.queries.regions.contains(code) else {
                return try await notFound(request, context)
            }
            guard context.scope.contains(code) else { return try await outsideRegion(request, context) }
            let period = try await cyclePeriod(request)
            let page = EvaluationReportPage(
                report: try await reader.queries.evaluation(region: code, period: period), generatedAt: Date(),
                freshness: try await reader.queries.freshness())
            return try ReportFile(html: page.render(), fileName: "entas-evaluation-\(code.dotted)-\(period).html").response(from: request, context: context)
        }
    }

    private func cyclePage(_ code: RegionCode, _ request: Request, _ context: AgencyRequestContext) async throws -> Response {
        let period = try await cyclePeriod(request)
        async let freshness = reader.freshness()
        let page = CyclePage(
            plan: try await reader.queries.plan(region: code, period: period),
            evaluation: try await reader.queries.evaluation(region: code, period: period),
            years: try await reader.queries.commitmentYears(), freshness: try await freshness, reference: reader.queries.regions)
        return try HTMLPage(html: page.render()).response(from: request, context: context)
    }

    /// `?period=` when it is a period; else the latest year with commitments, else this year.
    private func cyclePeriod(_ request: Request) async throws -> Period {
        if let text = request.uri.queryParameters.get("period"), let period = try? Period(text) { return period }
        let year = try await reader.queries.commitmentYears().last ?? CalendarDate.today().year
        return (try? Period(year: year)) ?? Period.containing(CalendarDate.today(), as: .year)
    }

    private func notFound(_ request: Request, _ context: AgencyRequestContext) async throws -> Response {
        let page = MessagePage(
            title: Message("dashboard.regionNotFound.title"),
            message: Message("dashboard.regionNotFound.unnamed"),
            freshness: try await reader.freshness())
        return try HTMLPage(status: .notFound, html: page.render()).response(from: request, context: context)
    }

    /// 403: the signed-in token's region does not hold the page's region.
    private func outsideRegion(_ request: Request, _ context: AgencyRequestContext) async throws -> Response {
        let page = MessagePage(
            title: Message("dashboard.outsideRegion.title"),
            message: Message("dashboard.outsideRegion.message", .text("\(context.scope)"), .text(context.scope.region.dotted)),
            freshness: try await reader.freshness())
        return try HTMLPage(status: .forbidden, html: page.render()).response(from: request, context: context)
    }

    private func regionPage(_ code: RegionCode, _ request: Request, _ context: AgencyRequestContext) async throws -> Response {
        let data = try await reader.regionPage(
            code, gapOffset: Self.offset(request, "gaps"), conflictOffset: Self.offset(request, "conflicts"),
            caseOffset: Self.offset(request, "cases"))
        let page = RegionPage(data: data, reference: reader.queries.regions)
        return try HTMLPage(html: page.render()).response(from: request, context: context)
    }

    private func signIn(_ request: Request, _ context: AgencyRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 16 * 1024)
        let form = (try? URLEncodedFormDecoder().decode(LoginForm.self, from: String(buffer: body))) ?? LoginForm()
        let next = DashboardPaths.safeNext(form.next)
        let token = (form.token ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        func refuse(_ status: HTTPResponse.Status, _ problem: Message) throws -> Response {
            try HTMLPage(status: status, html: LoginPage(next: next, problem: problem).render()).response(from: request, context: context)
        }
        guard !token.isEmpty, token.utf8.count <= 512 else {
            return try refuse(.unauthorized, Message("dashboard.login.enterToken"))
        }
        switch try await tokens.authenticate(token) {
        case .success(let identity):
            var response = Response.redirect(to: next)
            response.setCookie(sessions.cookie(for: identity, secure: Self.isHTTPS(request)))
            response.headers[.cacheControl] = "no-store"
            return response
        case .failure(let problem) where problem.code == "wrong-service":
            return try refuse(.forbidden, Message("dashboard.login.wrongService"))
        case .failure:
            return try refuse(.unauthorized, Message("dashboard.login.unknownToken"))
        }
    }

    /// A list offset from the query (`?gaps=40`); 0 when missing or not a number.
    private static func offset(_ request: Request, _ name: String) -> Int {
        guard let text = request.uri.queryParameters.get(name), let value = Int(text) else { return 0 }
        return min(max(value, 0), 100_000_000)
    }

    /// True behind a proxy that terminated TLS and says so; the session cookie is then `Secure`.
    private static func isHTTPS(_ request: Request) -> Bool {
        guard let name = HTTPFields.Element.Name("X-Forwarded-Proto") else { return false }
        return request.headers[name]?.lowercased() == "https"
    }
}
