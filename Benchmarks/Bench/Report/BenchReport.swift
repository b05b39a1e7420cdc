import Foundation

/// The figures of one run, as the table `make bench` prints and as JSON for the docs.
struct BenchReport: Codable, Sendable {
    var date: String
    var cores: Int
    var memoryGiB: Double
    var quick: Bool
    var events: Int
    var households: [Int]
    var figures: [Figure] = []
    /// Steps that failed, with why: their figures are missing rather than wrong.
    var failures: [String] = []

    var table: String {
        var rows = [["#", "figure", "value", "unit", "ratio", "target"]]
        for figure in figures {
            rows.append([figure.item, figure.figure, figure.formattedValue, figure.unit, figure.ratio ?? "", figure.target ?? ""])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        let lines = rows.map { cells in
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 2 ? padding + cell : cell + padding
            }.joined(separator: "  ")
        }
        let rule = String(repeating: "-", count: lines[0].count)
        var text = [lines[0], rule] + lines.dropFirst()
        text.append(rule)
        text.append("How each was measured:")
        text += figures.map { "  \($0.item) \($0.figure): \($0.detail)" }
        if !failures.isEmpty {
            text.append("FAILED:")
            text += failures.map { "  \($0)" }
        }
        return text.joined(separator: "\n")
    }

    func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(self).write(to: url)
    }
}
