extension RegionReference {
    /// A row left out of the reference, and why.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The CSV file name (`desa.csv`), or empty when the region was given in code.
        public let file: String
        /// The 1-based line in that file, 0 when not from a file.
        public let line: Int
        /// What was wrong with the row.
        public let reason: String

        /// A skipped row of `file` at `line` (use `""` and 0 for regions given in code).
        public init(file: String, line: Int, reason: String) {
            self.file = file
            self.line = line
            self.reason = reason
        }

        public var description: String {
            file.isEmpty ? reason : "\(file) line \(line): \(reason)"
        }
    }
}
