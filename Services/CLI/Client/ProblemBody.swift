/// An RFC 9457 problem document as Entas services send it (`application/problem+json`).
struct ProblemBody: Sendable, Decodable, Equatable {
    var type: String?
    var title: String?
    var status: Int?
    var detail: String?
    /// A stable code: `invalid-field`, `missing-token`, `not-found`, …
    var code: String?
    /// The field at fault, when one is.
    var field: String?
}
