import Foundation
import Hummingbird

/// `GET /openapi.json`, generated from the router's own route table, so it lists every route
/// there is, each with the summary and request shapes it was declared with where it is
/// registered (``DocumentedRoutes``).
public struct OpenAPIDocument: Sendable {
    public var title: String
    public var version: String
    /// Every route's declaration (``DocumentedRoutes``).
    public let book: RouteBook

    public init(title: String, version: String = "1.0.0", book: RouteBook) {
        self.title = title
        self.version = version
        self.book = book
    }

    /// Routes whose bodies are files, streamed, and not JSON objects.
    static let fileRoutes: Set<String> = ["POST /v1/households/import", "POST /v1/bulk"]

    /// The document for `routes` (Hummingbird's `router.routes`).
    /// - Throws: ``UndeclaredRoute`` for a route registered without its declaration.
    public func json(routes: [(path: String, method: String)]) throws -> Data {
        var paths: [String: [String: Any]] = [:]
        let declarations = book.all
        for route in routes {
            let path = Self.openAPIPath(route.path)
            let method = route.method.lowercased()
            let route = "\(route.method.uppercased()) \(path)"
            guard let declaration = declarations[route] else { throw UndeclaredRoute(route: route) }
            var parameters = Self.parameters(in: path).map { name -> [String: Any] in
                ["name": name, "in": "path", "required": true, "schema": ["type": "string"]]
            }
            if let data = declaration.query, let query = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] {
                parameters += query.keys.sorted().map { ["name": $0, "in": "query", "required": false, "schema": query[$0] ?? [:]] }
            }
            var operation: [String: Any] = [
                "summary": declaration.summary,
                "responses": [
                    "200": ["description": "Success"],
                    "default": ["description": "A problem document (RFC 9457)", "content": ["application/problem+json": [:] as [String: Any]]],
                ],
            ]
            if !parameters.isEmpty { operation["parameters"] = parameters }
            if let data = declaration.body, let schema = try? JSONSerialization.jsonObject(with: data) {
                operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": schema]]]
            } else if path.hasPrefix("/v1/"), ["post", "put", "patch"].contains(method), !Self.fileRoutes.contains(route) {
                operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": ["type": "object"]]]]
            }
            if path.hasPrefix("/v1/") { operation["security"] = [["bearer": [String]()]] }
            paths[path, default: [:]][method] = operation
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": ["title": title, "version": version],
            "paths": paths,
            "components": ["securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]],
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
    }

    /// `/v1/households/:kk` or `/v1/households/{kk}` → `/v1/households/{kk}`.
    static func openAPIPath(_ path: String) -> String {
        let segments = path.split(separator: "/").map { segment -> String in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }
        return "/" + segments.joined(separator: "/")
    }

    static func parameters(in path: String) -> [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }

    /// Registers `GET /openapi.json`. Call it after every other route is registered: the
    /// document is made from the route table as it is then.
    public func addRoute<Context: RequestContext>(to router: Router<Context>) throws {
        book.declare(.get, "/openapi.json", summary: "This document")
        let routes = router.routes.map { (path: $0.path.description, method: $0.method.rawValue) } + [(path: "/openapi.json", method: "GET")]
        let body = try json(routes: routes)
        router.get("openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
    }
}

/// A route the router has but no ``RouteBook`` declares: a programming error, found at start-up.
public struct UndeclaredRoute: Error, CustomStringConvertible {
    public var route: String
    public var description: String {
        "\(route) is registered without its declaration; register it through DocumentedRoutes with its summary"
    }
}
