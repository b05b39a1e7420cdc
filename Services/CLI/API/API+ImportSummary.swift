extension API {
    /// The answer of a cluster service's `POST /v1/households/import` (docs/import.md).
    struct ImportSummary: Sendable, Hashable, Codable {
        var rows = 0
        var created = 0
        var updated = 0
        var unchanged = 0
        var rejected = 0
        var rejections: [Rejection] = []
        var rejectionsTruncated = false

        /// A rejected row: its number (the header is row 1), the field at fault and why.
        struct Rejection: Sendable, Hashable, Codable {
            var row: Int
            var field: String?
            var reason: String
        }
    }
}
