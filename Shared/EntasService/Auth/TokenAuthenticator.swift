import EntasDomain
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
/// 403 with another service's; a `read` token only to reads (GET, and the POST routes that only look
/// things up, ``readRoutes``), else 403 `read-only-token`.
public struct RequireTokenMiddleware: RouterMiddleware {
    public typealias Context = AgencyRequestContext
    /// POST routes that change nothing (the coordinator's flag lookup).
    let readRoutes: Set<String>

    public init(readRoutes: Set<String> = []) {
        self.readRoutes = readRoutes
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let problem = context.authenticationProblem { throw problem }
        guard let identity = context.identity else { throw ProblemDocument.missingToken }
        if identity.role == .read, request.method != .get, request.method != .head,
            !readRoutes.contains(context.endpointPath ?? "")
        {
            throw ProblemDocument(
                status: .forbidden, code: "read-only-token", title: Message("service.problem.readOnlyToken.title"),
                detail: Message("service.problem.readOnlyToken.detail", .text(identity.name), .text(identity.service)))
        }
        return try await next(request, context)
    }
}
