import EntasDomain
import Hummingbird

/// `?limit=&offset=` with bounds (limit 1–1000, default 100).
package struct Paging: Sendable {
    package var limit = 100
    package var offset = 0

    package init(_ request: Request) throws {
        let query = request.uri.queryParameters
        if let text = query.get("limit") {
            guard let value = Int(text), (1...1_000).contains(value) else {
                throw ProblemDocument.invalidField("limit", Message("service.paging.limit", .text(text)))
            }
            limit = value
        }
        if let text = query.get("offset") {
            guard let value = Int(text), value >= 0 else {
                throw ProblemDocument.invalidField("offset", Message("service.paging.offset", .text(text)))
            }
            offset = value
        }
    }
}
