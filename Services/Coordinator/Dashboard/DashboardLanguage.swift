import EntasDomain
import EntasService
import Hummingbird

/// The dashboard's language: the one chosen with the switch at the top of every page (a cookie), else the
/// browser's `Accept-Language`, else Indonesian. Set as ``Language/current`` for the page's whole rendering,
/// with the page's path for the switch's links back.
struct DashboardLanguageMiddleware: RouterMiddleware {
    typealias Context = AgencyRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let chosen = request.cookies[DashboardLanguage.cookieName].flatMap { Language(rawValue: $0.value) }
        let language = chosen ?? request.headers[.acceptLanguage].flatMap(Language.init(acceptLanguage:)) ?? .current
        var path = request.uri.path
        if let query = request.uri.query, !query.isEmpty { path += "?" + query }
        var response = try await Language.$current.withValue(language) {
            try await DashboardLanguage.$pagePath.withValue(path) { try await next(request, context) }
        }
        response.headers[.contentLanguage] = language.rawValue
        return response
    }
}

enum DashboardLanguage {
    /// The cookie that keeps the language chosen with the switch (not a secret; a year long).
    static let cookieName = "entas_lang"

    /// The path and query of the page being written, for the language switch's way back.
    @TaskLocal static var pagePath: String = "/"

    /// `GET /language/{code}?next=`: keeps the choice in a cookie and goes back to `next` (a dashboard page
    /// or the sign-in form; anything else goes to `/`).
    static func choose(_ request: Request, _ context: AgencyRequestContext) throws -> Response {
        let code = try context.parameters.require("code")
        guard let language = Language(rawValue: code) else {
            throw ProblemDocument.notFound(Message("dashboard.language.unknown", .text(String(code.prefix(8)))))
        }
        let next = request.uri.queryParameters.get("next").map { String($0) }
        let toSignIn = next.map { $0 == "/login" || $0.hasPrefix("/login?") } ?? false
        let target = toSignIn ? "/login" : DashboardPaths.safeNext(next)
        var response = Response.redirect(to: target)
        response.setCookie(Cookie(name: cookieName, value: language.rawValue, maxAge: 365 * 86_400, path: "/", sameSite: .lax))
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
