import EntasService
import EntasAPI
import EntasDomain
import Foundation
import Hummingbird

/// The frame of every dashboard page: head with the inline style sheet, the top bar (with sign-out when
/// signed in), the breadcrumb and the freshness line, then the page's own sections.
enum DashboardLayout {
    /// One step of the breadcrumb; the last one is the current page and has no link.
    struct Crumb: Sendable {
        var name: String
        var href: String?
    }

    static func page(
        title: String, crumbs: [Crumb] = [], freshness: FreshnessSummary? = nil, signedIn: Bool, content: HTML
    ) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="\(Language.current.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>\(title) · Entas</title>
        <style>\(DashboardStyle.css)</style>
        </head>
        <body>
        <header class="top">
        <a href="/">\(Message("dashboard.layout.brand"))</a>
        \(languageSwitch)
        \(signedIn ? signOut : .empty)
        </header>
        <main>
        \(breadcrumb(crumbs))
        \(freshness.map(freshnessLine) ?? .empty)
        \(content)
        </main>
        </body>
        </html>
        """
    }

    private static var signOut: HTML {
        "<form method=\"post\" action=\"/logout\"><button type=\"submit\">\(Message("dashboard.layout.signOut"))</button></form>"
    }

    /// `Bahasa Indonesia | English`: the page's language marked, the other a link that chooses it (a cookie) and
    /// comes back to the page.
    private static var languageSwitch: HTML {
        let items = Language.allCases.map { language -> HTML in
            if language == Language.current {
                return "<li aria-current=\"true\" lang=\"\(language.rawValue)\">\(language.ownName)</li>"
            }
            return "<li><a lang=\"\(language.rawValue)\" hreflang=\"\(language.rawValue)\" href=\"/language/\(language.rawValue)?next=\(DashboardPaths.percentEncoded(DashboardLanguage.pagePath))\">\(language.ownName)</a></li>"
        }
        return "<nav class=\"language\" aria-label=\"\(Message("dashboard.layout.language"))\"><ul>\(items)</ul></nav>"
    }
    private static func breadcrumb(_ crumbs: [Crumb]) -> HTML {
        guard !crumbs.isEmpty else { return .empty }
        let items = crumbs.map { crumb -> HTML in
            if let href = crumb.href { return "<li><a href=\"\(href)\">\(crumb.name)</a></li>" }
            return "<li aria-current=\"page\">\(crumb.name)</li>"
        }
        return "<nav class=\"crumbs\" aria-label=\"\(Message("dashboard.layout.region"))\"><ol>\(items)</ol></nav>"
    }

    /// Last event applied, events applied and the consumer lag.
    static func freshnessLine(_ freshness: FreshnessSummary) -> HTML {
        let last: HTML =
            if let time = freshness.lastEventTime {
                "<time datetime=\"\(DashboardFormat.machineTime(time))\">\(DashboardFormat.time(time))</time>"
            } else {
                "\(Message("dashboard.freshness.none"))"
            }
        let lag: HTML =
            if let lag = freshness.lag {
                "<span id=\"consumer-lag\">\(Message("dashboard.freshness.lagEvents", .count(Int(clamping: lag))))</span>"
            } else {
                "<span id=\"consumer-lag\">\(Message("dashboard.freshness.lagUnknown", lagReason(freshness)))</span>"
            }
        return """
            <p class="freshness" id="freshness">\(Message("dashboard.freshness.lastEvent")) <span id="last-event">\(last)</span> · \
            \(Message("dashboard.freshness.applied", .count(freshness.eventsApplied))) · \(Message("dashboard.freshness.lag")) \(lag)</p>
            """
    }

    private static func lagReason(_ freshness: FreshnessSummary) -> Message.Argument {
        freshness.lagProblem.map { .text($0) } ?? .message(Message("dashboard.freshness.lagNotKnown"))
    }

    /// The link to a region's page: `/` for the province.
    static func href(_ region: RegionCode) -> String {
        region == .eastJava ? "/" : "/regions/\(region.dotted)"
    }
}

/// An HTML page as a response, with the headers every dashboard page carries: the CSP that forbids scripts,
/// no caching (the pages hold household data), no sniffing, no referrer.
struct HTMLPage: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var html: HTML
    var cookies: [Cookie] = []

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = DashboardStyle.contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.cacheControl] = "no-store"
        if let referrerPolicy = HTTPFields.Element.Name("Referrer-Policy") { headers[referrerPolicy] = "no-referrer" }
        var response = Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html.rendered)))
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}
