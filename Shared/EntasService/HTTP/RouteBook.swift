import Foundation
import HTTPTypes
import Synchronization

/// What `/openapi.json` (and so a client generator, a fuzzer and the docs' route tables) says of
/// one route, given where the route is registered: its summary, and the JSON Schemas of its body
/// and its query parameters.
public struct RouteDeclaration: Sendable, Hashable {
    public var summary: String
    /// The body's JSON Schema, as JSON text; nil for none.
    public var body: Data?
    /// Query parameters: a JSON object of name → JSON Schema, as JSON text; nil for none.
    public var query: Data?
}

/// Every route of one service, declared as it is registered (``DocumentedRoutes``), by
/// `"METHOD /path"`. `/openapi.json` is made from it, and a route the router has but the book
/// does not is refused at start-up (``OpenAPIDocument``), so no route goes undocumented.
public final class RouteBook: Sendable {
    private let declarations = Mutex<[String: RouteDeclaration]>([:])

    public init() {}

    /// Declares `METHOD path` (`{name}` for a parameter); a second declaration replaces the first.
    public func declare(
        _ method: HTTPRequest.Method, _ path: String, summary: String, body: [String: Any]? = nil, query: [String: [String: Any]]? = nil
    ) {
        let declaration = RouteDeclaration(summary: summary, body: body.flatMap(Self.json), query: query.flatMap(Self.json))
        declarations.withLock { $0[Self.key(method, path)] = declaration }
    }

    /// The declaration of `METHOD path`, if any.
    public func declaration(_ method: HTTPRequest.Method, _ path: String) -> RouteDeclaration? {
        declarations.withLock { $0[Self.key(method, path)] }
    }

    /// Every declared route, `"METHOD /path"` → declaration.
    public var all: [String: RouteDeclaration] { declarations.withLock { $0 } }

    static func key(_ method: HTTPRequest.Method, _ path: String) -> String {
        "\(method.rawValue.uppercased()) \(OpenAPIDocument.openAPIPath(path))"
    }

    private static func json(_ object: Any) -> Data? {
        try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}
