import Hummingbird
import HummingbirdAuth

/// Reads `Authorization: Bearer …` and fills the context's identity when the token is one of
/// this service's live tokens.
public struct TokenAuthenticator: RouterMiddleware {
    public typealias Context = AgencyRequestContext
    let tokens: TokenStore

    public init(tokens: TokenStore) {
        self.tokens = tokens
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let bearer = request.headers.bearer {
            switch try await tokens.authenticate(bearer.token) {
            case .success(let identity): context.identity = identity
            case .failure(let problem): context.authenticationProblem = problem
            }
        }
        return try await next(request, context)
    }
}

/// Lets a request through only with a valid token: 401 without one or with an unknown one,
/// 403 with another service's.
public struct RequireTokenMiddleware: RouterMiddleware {
    public typealias Context = AgencyRequestContext
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let problem = context.authenticationProblem { throw problem }
        guard context.identity != nil else { throw ProblemDocument.missingToken }
        return try await next(request, context)
    }
}
