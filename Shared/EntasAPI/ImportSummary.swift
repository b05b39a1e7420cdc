import EntasDomain

/// The answer to `POST /v1/households/import` at a cluster service, as the CLI sums it over chunks.
public struct ImportSummary: Sendable, Hashable, Codable {
    public var rows = 0
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    public var rejections: [Rejection] = []
    /// True when more rows were rejected than are listed.
    public var rejectionsTruncated = false

    public init() {}

    public struct Rejection: Sendable, Hashable, Codable {
        /// 1-based, counting the header as row 1, as a spreadsheet shows it.
        public var row: Int
        public var field: String?
        public var reason: String

        package init(row: Int, field: String? = nil, reason: String) {
            self.row = row
            self.field = field
            self.reason = reason
        }
    }
}
