import EntasAPI
import EntasService
import Foundation
import Hummingbird

/// Lets a dashboard page through with a valid session cookie (or, as the API, a valid coordinator bearer
/// token); anyone else is sent to `/login`, with the page to come back to.
struct DashboardAuthMiddleware: RouterMiddleware {
    typealias Context = AgencyRequestContext
    let sessions: DashboardSessions

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if context.identity != nil { return try await next(request, context) }
        if let cookie = request.cookies[DashboardSessions.cookieName], let identity = try await sessions.identity(cookie.value) {
            var context = context
            context.identity = identity
            return try await next(request, context)
        }
        var target = request.uri.path
        if let query = request.uri.query, !query.isEmpty { target += "?" + query }
        let safe = DashboardPaths.safeNext(target)
        var response = Response.redirect(to: safe == "/" ? "/login" : "/login?next=" + DashboardPaths.percentEncoded(safe))
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

/// The local pages a sign-in may return to.
enum DashboardPaths {
    private static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/.-_?=&#".utf8)

    /// `next` when it is a dashboard page of this site (`/` or `/regions/…`, plain characters, no `//` or
    /// `..`), else `/`: a sign-in never sends anyone elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.utf8.count <= 200, next == "/" || next.hasPrefix("/regions/"),
            next.utf8.allSatisfy(allowed.contains), !next.contains("//"), !next.contains("..")
        else { return "/" }
        return next
    }

    /// `text` with everything but letters, digits, `-`, `.`, `_` and `/` percent-encoded, for a query value.
    static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            let isPlain =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x2F
            if isPlain {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}
