import EntasCluster
import EntasKafka
import EntasService
import Foundation
import HummingbirdTesting
import Testing

@testable import CommunityEmpowerment
@testable import Enterprise
@testable import LowCostPrograms
@testable import SocialAid
import EntasTestKit

/// One declaration per route: every route a cluster service answers is in its `/openapi.json`
/// with a summary (a route registered without one stops the service at start-up), and in the
/// route tables of the docs, written `` `METHOD /path` `` (or with its query, `` `GET /path?…` ``).
@Suite("Every route is declared and documented", .english)
struct RouteDocumentationTests {
    static let definitions = [
        SocialAidCommand.definition, EmpowermentCommand.definition, EnterpriseCommand.definition, LowCostCommand.definition,
    ]

    /// The docs that hold route tables, as one text.
    static func documentation() throws -> String {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs")
        return try ["services.md", "bulk.md", "import.md", "operations.md"]
            .map { try String(contentsOf: docs.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    }

    /// True when `text` names `METHOD path` as a route table does.
    static func documents(_ text: String, _ method: String, _ path: String) -> Bool {
        text.contains("`\(method) \(path)`") || text.contains("`\(method) \(path)?")
    }

    @Test("each route of the service is in /openapi.json with a summary and in the docs", arguments: definitions.map(\.serviceName))
    func documented(_ service: String) async throws {
        let definition = try #require(Self.definitions.first { $0.serviceName == service })
        let documentation = try Self.documentation()
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(definition, kafka: kafka)
        defer { cluster.remove() }
        try await app.test(.live) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                let paths = Fixture.object(response.body)["paths"] as? [String: [String: Any]] ?? [:]
                #expect(paths.count > 20)
                for (path, operations) in paths.sorted(by: { $0.key < $1.key }) {
                    for (method, operation) in operations {
                        let summary = (operation as? [String: Any])?["summary"] as? String ?? ""
                        #expect(!summary.isEmpty, "\(method.uppercased()) \(path) has no summary")
                        #expect(
                            Self.documents(documentation, method.uppercased(), path),
                            "\(method.uppercased()) \(path) of \(service) is in no route table of docs/services.md, bulk.md, import.md or operations.md")
                    }
                }
            }
        }
    }

    @Test("a route registered without its declaration is refused when /openapi.json is made")
    func undeclaredRouteRefused() throws {
        let book = RouteBook()
        book.declare(.get, "/v1/known", summary: "Known")
        let document = OpenAPIDocument(title: "test", book: book)
        #expect(throws: UndeclaredRoute.self) {
            try document.json(routes: [(path: "/v1/known", method: "GET"), (path: "/v1/unknown", method: "POST")])
        }
        #expect(throws: Never.self) { try document.json(routes: [(path: "/v1/known", method: "GET")]) }
    }
}
