import HTTPTypes
import Hummingbird

/// A router group whose every route is declared where it is registered: its method and path,
/// its summary, and the shapes of its body and query, recorded in the service's ``RouteBook``.
/// One declaration per route: `/openapi.json` and the docs' route tables follow from it.
///
/// ```swift
/// shocks.post(summary: "Record a shock …", body: ShockController.body) { request, context in … }
/// ```
public struct DocumentedRoutes<Context: RequestContext> {
    /// The Hummingbird group the routes are registered on.
    public let group: RouterGroup<Context>
    public let book: RouteBook
    /// The group's path from the root, e.g. `/v1/households`.
    public let path: String

    public init(_ group: RouterGroup<Context>, book: RouteBook, path: String) {
        self.group = group
        self.book = book
        self.path = path
    }

    /// The routes under `path` (`households`, `{id}/members`).
    public func group(_ path: String) -> DocumentedRoutes {
        DocumentedRoutes(group.group(RouterPath(path)), book: book, path: Self.join(self.path, path))
    }

    /// These routes with a middleware in front of them.
    public func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> DocumentedRoutes {
        DocumentedRoutes(group.add(middleware: middleware), book: book, path: path)
    }

    /// Registers and declares one route.
    @discardableResult
    public func on(
        _ method: HTTPRequest.Method, _ path: String = "", summary: String, body: [String: Any]? = nil, query: [String: [String: Any]]? = nil,
        use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> DocumentedRoutes {
        book.declare(method, Self.join(self.path, path), summary: summary, body: body, query: query)
        group.on(RouterPath(path), method: method, use: handler)
        return self
    }

    @discardableResult
    public func get(
        _ path: String = "", summary: String, query: [String: [String: Any]]? = nil,
        use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> DocumentedRoutes {
        on(.get, path, summary: summary, query: query, use: handler)
    }

    @discardableResult
    public func post(
        _ path: String = "", summary: String, body: [String: Any]? = nil, query: [String: [String: Any]]? = nil,
        use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> DocumentedRoutes {
        on(.post, path, summary: summary, body: body, query: query, use: handler)
    }

    @discardableResult
    public func put(
        _ path: String = "", summary: String, body: [String: Any]? = nil,
        use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> DocumentedRoutes {
        on(.put, path, summary: summary, body: body, use: handler)
    }

    @discardableResult
    public func patch(
        _ path: String = "", summary: String, body: [String: Any]? = nil,
        use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> DocumentedRoutes {
        on(.patch, path, summary: summary, body: body, use: handler)
    }

    @discardableResult
    public func delete(
        _ path: String = "", summary: String,
        use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> DocumentedRoutes {
        on(.delete, path, summary: summary, use: handler)
    }

    static func join(_ base: String, _ path: String) -> String {
        let parts = (base.split(separator: "/") + path.split(separator: "/")).map(String.init)
        return "/" + parts.joined(separator: "/")
    }
}
