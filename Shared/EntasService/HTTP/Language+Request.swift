import EntasDomain
import Hummingbird

extension Language {
    /// The language a request asks for by `Accept-Language`; when it names neither, the server's
    /// ``Language/current`` (Indonesian).
    public init(request: Request) {
        self = request.headers[.acceptLanguage].flatMap(Language.init(acceptLanguage:)) ?? .current
    }
}

/// Sets ``Language/current`` to the request's language for everything the handler writes (bulk and import
/// summaries, pages), and says which it was in `Content-Language`.
public struct LanguageMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let language = Language(request: request)
        var response = try await Language.$current.withValue(language) { try await next(request, context) }
        if response.headers[.contentLanguage] == nil { response.headers[.contentLanguage] = language.rawValue }
        return response
    }
}
